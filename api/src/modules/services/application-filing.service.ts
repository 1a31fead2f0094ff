/**
 * Filing an application (online by a citizen, at the counter by an officer, through Open311):
 * the checks, then the write by group commit with the filings that arrive meanwhile (the
 * filing queue, filing-queue.ts), each with its first event, notification and audit record.
 */
import type { Actor } from '../../platform/actor.ts';
import { writeAuditRecords } from '../../platform/audit/audit.ts';
import { insertApplications, insertEvents, type ApplicationRow } from './applications.queries.ts';
import type { Application } from './applications.schemas.ts';
import { MAX_DESCRIPTION_LENGTH } from './applications.schemas.ts';
import { audited, backdated, notify, toApplication } from './application-views.ts';
import type { ServicesContext } from './context.ts';
import { dashboardOnFiled } from './dashboard/dashboard.maintain.ts';
import type { CheckedFiling, FilingInput, WrittenFiling } from './filing.types.ts';
import { validateFieldValues } from './form-fields.ts';
import { failWith, PLATFORM_ERRORS } from '../../platform/errors.ts';
import { fail } from './services.errors.ts';
import type { ServicesDb } from './services.tables.ts';
import { findOfferedVersionCached } from './standards.queries.ts';
import { newTrackingNumber } from './tracking-number.ts';

const failPlatform = failWith(PLATFORM_ERRORS);

export type { CheckedFiling, FilingInput, WrittenFiling } from './filing.types.ts';

/**
 * Files an application. Bad input is refused before anything is written:
 *   services.standard.unknown (400), services.standard.not_offered (400),
 *   services.application.{unknown_field, missing_field, value_not_in_list, bad_field_value,
 *   description_too_long, applicant_name_required} (400), services.applicant.* (400).
 * The checked filing is then written with the filings that arrive meanwhile, in one
 * transaction (ctx.filings, a group commit: see writeFilings); inside a caller's transaction
 * (the demo seed), it is written there, alone.
 */
export async function fileApplication(
  ctx: ServicesContext,
  actor: Actor,
  input: FilingInput,
): Promise<Application> {
  const filing = await checkFiling(ctx, actor, input);
  const written = ctx.db.isTransaction
    ? (await writeFilings(ctx, ctx.db, [filing]))[0]!
    : await ctx.filings.submit(filing);
  return toApplication(ctx, written.inserted, { version: filing.version, events: [written.event] });
}

async function checkFiling(ctx: ServicesContext, actor: Actor, input: FilingInput): Promise<CheckedFiling> {
  // A password an administrator set (a new account, a reset) is known to two people: whoever
  // holds it files nothing until they choose their own (403 auth.password.change_required).
  if (actor.principal?.mustChangePassword) {
    throw failPlatform('auth.password.change_required', {
      title: 'Your password was set by an administrator: change it before you file.',
    });
  }
  const description = (input.description ?? '').trim();
  if (description.length > MAX_DESCRIPTION_LENGTH) {
    throw fail('services.application.description_too_long', {
      title: `The description may have at most ${MAX_DESCRIPTION_LENGTH} characters.`,
    });
  }
  // Open311 makes first_name and last_name optional: an officer filing through it may name nobody.
  if (input.applicant.name === null && input.channel !== 'open311') {
    throw fail('services.application.applicant_name_required');
  }
  const today = input.filedOn ?? ctx.today();
  // Reference data, remembered for a few seconds (standards.queries.ts): one round trip less per filing.
  const version = await findOfferedVersionCached(ctx.db, input.serviceCode, input.unitCode, today);
  if (!version) throw fail('services.standard.unknown', input.serviceCode);
  if (!version.offered) {
    throw fail('services.standard.not_offered', `${input.serviceCode} at ${input.unitCode} on ${today}`);
  }
  const values = validateFieldValues(version.form_fields, input.values);
  const dueDate = await ctx.calendar.dueDate(today, version.time_limit_days);
  return { actor, input, version, values, description, today, dueDate };
}

/**
 * Writes checked filings in the transaction `trx`, all or none: the applications (one insert;
 * tracking numbers that clash are drawn again), their first events, the notifications, the audit
 * records (one take of the chain's lock) and the dashboard's totals (each row once). Results
 * come in the order of `filings`.
 */
export async function writeFilings(
  ctx: Pick<ServicesContext, 'channel'>,
  trx: ServicesDb,
  filings: readonly CheckedFiling[],
): Promise<WrittenFiling[]> {
  const rows = filings.map(({ actor, input, version, values, description, today, dueDate }) => ({
    standard_id: version.standard_id,
    standard_version_id: version.id,
    service_code: version.code,
    unit_code: input.unitCode,
    status: 'received' as const,
    channel: input.channel,
    applicant_user_id: input.applicantUserId,
    applicant_name: input.applicant.name,
    location_lat: input.location?.lat ?? null,
    location_long: input.location?.long ?? null,
    address_string: input.location?.addressString ?? null,
    address_id: input.location?.addressId ?? null,
    media_url: input.mediaUrl ?? null,
    applicant_sex: input.applicant.sex,
    applicant_age_group: input.applicant.ageGroup,
    applicant_disability: input.applicant.disability,
    applicant_phone: input.applicant.phone,
    applicant_email: input.applicant.email,
    field_values: values,
    description,
    filed_by_user_id: actor.userId,
    filed_on: today,
    ...(input.filedOn
      ? { filed_at: backdated(input.filedOn), status_changed_at: backdated(input.filedOn) }
      : {}),
    due_date: dueDate,
    is_example: input.isExample ?? false,
  }));
  const inserted = new Array<ApplicationRow | undefined>(filings.length);
  // A clash of tracking numbers is rare (one in hundreds of millions): those that clashed draw again.
  for (let attempt = 0; attempt < 5 && inserted.includes(undefined); attempt += 1) {
    const pending = [...inserted.keys()].filter((index) => inserted[index] === undefined);
    const numbers = pending.map(() => newTrackingNumber());
    const written = await insertApplications(
      trx,
      pending.map((index, i) => ({ ...rows[index]!, tracking_number: numbers[i]! })),
    );
    const byNumber = new Map(written.map((row) => [row.tracking_number, row]));
    pending.forEach((index, i) => (inserted[index] = byNumber.get(numbers[i]!)));
  }
  if (inserted.includes(undefined)) throw new Error('Could not draw a free tracking number.');
  const applications = inserted as ApplicationRow[];

  const events = await insertEvents(
    trx,
    applications.map((application, index) => {
      const { actor, input, dueDate } = filings[index]!;
      return {
        application_id: application.id,
        from_status: null,
        to_status: 'received' as const,
        note: null,
        due_date: dueDate,
        actor_user_id: actor.userId,
        ...(input.filedOn ? { occurred_at: backdated(input.filedOn) } : {}),
      };
    }),
  );
  for (const [index, application] of applications.entries()) {
    await notify(ctx, trx, application, filings[index]!.version, null);
  }
  // One record per filing, each with its own actor, under one take of the chain's lock (the
  // module context's audit.writeMany is for one actor's changes).
  await writeAuditRecords(
    trx,
    applications.map((application, index) => ({
      ...filings[index]!.actor.audit,
      action: 'services.application.file',
      entityType: 'services.application',
      entityId: application.tracking_number,
      unitCode: application.unit_code,
      after: audited(application),
    })),
  );
  // The dashboard's running totals, after the audit records (whose lock orders the writers).
  await dashboardOnFiled(trx, applications);
  const eventOf = new Map(events.map((event) => [event.application_id, event]));
  return applications.map((application) => ({ inserted: application, event: eventOf.get(application.id)! }));
}
