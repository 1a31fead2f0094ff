/**
 * Where application attachments live: behind `AttachmentStore`, so that a laptop keeps them in
 * a local folder and the national deployment in object storage, with the same code above.
 *
 * `LocalFolderStore` is the default, in `ATTACHMENTS_DIR` (default `<DATA_DIR>/attachments`);
 * `S3Store` (attachments-s3.ts) keeps them in an S3-compatible bucket (`ATTACHMENTS_STORE=s3`).
 *
 * What may be uploaded is decided here too: PDF, JPEG or PNG, recognised by the first bytes
 * of the content (never by the name alone), a plain file name without any path, and a size
 * limit.
 */
import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fail } from './services.errors.ts';
import { checkAttachmentKey, type AttachmentStore } from './attachment-store.ts';
import { S3Store } from './attachments-s3.ts';
import type { AttachmentType } from './services.tables.ts';

export { checkAttachmentKey, type AttachmentStore } from './attachment-store.ts';

/** A folder on the local disk; keys become relative paths inside it. */
export class LocalFolderStore implements AttachmentStore {
  constructor(readonly directory: string) {}

  private pathOf(key: string): string {
    return path.join(this.directory, checkAttachmentKey(key));
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Written aside and renamed, so that a reader never sees half a file.
    const partial = `${file}.${randomBytes(4).toString('hex')}.part`;
    await writeFile(partial, bytes, { flag: 'wx' });
    await rename(partial, file);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

/**
 * The store configured by the environment, checked at start:
 * - `ATTACHMENTS_STORE` unset or `local`: a folder, ATTACHMENTS_DIR, else DATA_DIR/attachments,
 *   else ./data/attachments;
 * - `ATTACHMENTS_STORE=s3`: a bucket, from S3_ENDPOINT, S3_BUCKET, S3_REGION (default
 *   us-east-1), S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY.
 */
export function attachmentStoreFromEnv(env: NodeJS.ProcessEnv = process.env): AttachmentStore {
  const kind = env.ATTACHMENTS_STORE || 'local';
  if (kind === 's3') return s3StoreFromEnv(env);
  if (kind !== 'local')
    throw new Error(`ATTACHMENTS_STORE must be "local" or "s3", not ${JSON.stringify(kind)}.`);
  const directory =
    env.ATTACHMENTS_DIR && env.ATTACHMENTS_DIR !== ''
      ? env.ATTACHMENTS_DIR
      : path.join(env.DATA_DIR && env.DATA_DIR !== '' ? env.DATA_DIR : 'data', 'attachments');
  return new LocalFolderStore(path.resolve(directory));
}

function s3StoreFromEnv(env: NodeJS.ProcessEnv): S3Store {
  const missing: string[] = [];
  const required = (name: string): string => {
    const value = env[name] ?? '';
    if (value === '') missing.push(name);
    return value;
  };
  const options = {
    endpoint: required('S3_ENDPOINT'),
    bucket: required('S3_BUCKET'),
    region: env.S3_REGION || 'us-east-1',
    accessKeyId: required('S3_ACCESS_KEY_ID'),
    secretAccessKey: required('S3_SECRET_ACCESS_KEY'),
  };
  // Every missing name at once, so that a deployment is put right in one go.
  if (missing.length > 0)
    throw new Error(`ATTACHMENTS_STORE=s3 needs ${missing.join(', ')} in the environment.`);
  return new S3Store(options);
}

// ------------------------------------------------------------------ what may be uploaded

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_APPLICATION = 10;

const EXTENSIONS: Record<AttachmentType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
};

/** The type the bytes really are, from their signature, or null for anything else. */
export function sniffType(bytes: Buffer): AttachmentType | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((byte, i) => bytes[i] === byte)) return 'image/png';
  return null;
}

/**
 * A file name as sent: a plain name, no folder (no / or \, no "..", no drive letter), no
 * control characters, at most 200 characters.
 */
export function checkFileName(name: string): string {
  const trimmed = name.normalize('NFC').trim();
  const control = [...trimmed].some((char) => (char.codePointAt(0) ?? 0) < 0x20);
  if (
    trimmed === '' ||
    trimmed.length > 200 ||
    control ||
    /[/\\]/.test(trimmed) ||
    trimmed.includes('..') ||
    /^[A-Za-z]:/.test(trimmed)
  ) {
    throw fail('services.attachment.bad_name', `Not accepted: ${JSON.stringify(name.slice(0, 100))}`);
  }
  return trimmed;
}

/** The checked type of an upload: its content must be PDF, JPEG or PNG, and its name must say the same. */
export function checkAttachment(fileName: string, bytes: Buffer): AttachmentType {
  const type = sniffType(bytes);
  const extension = path.extname(fileName).toLowerCase();
  if (type === null || !EXTENSIONS[type].includes(extension)) {
    throw fail(
      'services.attachment.type_not_allowed',
      type === null
        ? 'The content is not a PDF, JPEG or PNG file.'
        : `The content is ${type} but the name ends in "${extension}".`,
    );
  }
  return type;
}

export const tooLarge = () =>
  fail('services.attachment.too_large', {
    title: `A file may be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`,
  });
