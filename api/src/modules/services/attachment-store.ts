/** Where attachments' bytes go: the interface every store implements, and the keys they take. */
import type { AttachmentType } from './services.tables.ts';

export interface AttachmentStore {
  /** Stores the bytes under `key` (replacing nothing: keys are new each time). */
  put(key: string, bytes: Buffer, contentType: AttachmentType): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Buffer | null>;
  /** Removes `key`; no error when it is already gone. */
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9][a-z0-9/_-]{0,200}$/;

/** The key itself, when every store may use it as a path (no "..", no capitals, no odd characters); else throws. */
export function checkAttachmentKey(key: string): string {
  if (!KEY.test(key) || key.includes('..')) throw new Error(`Not an attachment key: ${key}`);
  return key;
}
