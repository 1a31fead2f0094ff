/** The files attached to an application: adding one while it is open, reading one back. */
import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../platform/actor.ts';
import { forbidden } from '../../platform/auth/access-control.ts';
import {
  findApplication,
  insertAttachment,
  lockApplication,
  selectAttachments,
} from './applications.queries.ts';
import type { Application } from './applications.schemas.ts';
import { applicationNotFound, mayOpen, toApplication, trackingNumberOf } from './application-views.ts';
import { checkAttachment, checkFileName, MAX_ATTACHMENTS_PER_APPLICATION } from './attachments.ts';
import type { ServicesContext } from './context.ts';
import { fail } from './services.errors.ts';

/**
 * Stores one attachment of an application (by the applicant or an officer of its office),
 * while it is still open. The bytes go to the store first and the row after; if the row
 * cannot be written the bytes are removed again, so nothing is left half-done.
 */
export async function addAttachment(
  ctx: ServicesContext,
  actor: Actor,
  typed: string,
  file: { fileName: string; bytes: Buffer },
): Promise<Application> {
  const number = trackingNumberOf(typed);
  const application = await findApplication(ctx.db, number);
  if (!application) throw applicationNotFound();
  if (!(await mayOpen(ctx, actor, application)))
    throw forbidden('Only the applicant and the officers of the office may add files.');
  const fileName = checkFileName(file.fileName);
  const contentType = checkAttachment(fileName, file.bytes);
  if (application.status === 'closed') throw fail('services.attachment.application_closed');
  const key = `${application.tracking_number.toLowerCase()}/${randomBytes(12).toString('hex')}`;
  await ctx.attachments.put(key, file.bytes, contentType);
  try {
    await ctx.inTransaction(async (trx) => {
      const locked = await lockApplication(trx, number);
      const existing = await selectAttachments(trx, locked!.id);
      if (existing.length >= MAX_ATTACHMENTS_PER_APPLICATION) {
        throw fail('services.attachment.too_many', {
          title: `An application has at most ${MAX_ATTACHMENTS_PER_APPLICATION} files.`,
        });
      }
      const row = await insertAttachment(trx, {
        application_id: locked!.id,
        storage_key: key,
        file_name: fileName,
        content_type: contentType,
        size_bytes: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        uploaded_by: actor.userId,
      });
      await ctx.audit.write(trx, actor, {
        action: 'services.attachment.add',
        entityType: 'services.application',
        entityId: locked!.tracking_number,
        unitCode: locked!.unit_code,
        after: {
          attachmentId: row.id,
          fileName: row.file_name,
          contentType: row.content_type,
          sizeBytes: row.size_bytes,
          sha256: row.sha256,
        },
      });
    });
  } catch (error) {
    await ctx.attachments.delete(key);
    throw error;
  }
  return toApplication(ctx, application);
}

export async function readAttachment(ctx: ServicesContext, actor: Actor, typed: string, id: number) {
  const application = await findApplication(ctx.db, trackingNumberOf(typed));
  if (!application) throw applicationNotFound();
  if (!(await mayOpen(ctx, actor, application)))
    throw forbidden('Only the applicant and the officers of the office may open its files.');
  const attachment = (await selectAttachments(ctx.db, application.id)).find((item) => item.id === id);
  const bytes = attachment ? await ctx.attachments.get(attachment.storage_key) : null;
  if (!attachment || !bytes) throw fail('services.attachment.not_found');
  return { fileName: attachment.file_name, contentType: attachment.content_type, bytes };
}
