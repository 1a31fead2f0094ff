/**
 * Attachments in S3-compatible object storage (AWS S3, MinIO, Garage, Ceph RGW): PUT, GET and
 * DELETE Object of the S3 REST API, signed with AWS Signature V4 by aws4fetch (ADR 0010).
 *
 * URLs are path-style, `endpoint/bucket/key`: self-hosted servers answer those without
 * wildcard DNS for bucket names. Tested against s3rver only (see README.md).
 */
import { createHash } from 'node:crypto';
import { AwsClient } from 'aws4fetch';
import { checkAttachmentKey, type AttachmentStore } from './attachment-store.ts';
import type { AttachmentType } from './services.tables.ts';

export interface S3StoreOptions {
  /** The service's base URL, e.g. `https://s3.example.org` (a path after the host is kept). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Longest wait for one call, retries included; 30 s by default. */
  timeoutMs?: number;
}

// S3's rules for bucket names (lower case, digits, dots, hyphens; 3 to 63 characters).
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const EMPTY = Buffer.alloc(0);

const hex = (algorithm: 'md5' | 'sha256', bytes: Buffer) => createHash(algorithm).update(bytes).digest('hex');

export class S3Store implements AttachmentStore {
  // Private fields: the client holds the secret, and these stay out of logs and JSON.
  readonly #client: AwsClient;
  readonly #bucketUrl: string;
  readonly #timeoutMs: number;

  constructor(options: S3StoreOptions) {
    const endpoint = URL.canParse(options.endpoint) ? new URL(options.endpoint) : null;
    if (!endpoint || (endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:'))
      throw new Error('The S3 endpoint must be an http(s) URL, such as https://s3.example.org.');
    // Keys belong in S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY, not in a URL that may be logged.
    if (endpoint.username || endpoint.password || endpoint.search || endpoint.hash)
      throw new Error('The S3 endpoint must not carry a user, a password, a query or a fragment.');
    if (!BUCKET.test(options.bucket))
      throw new Error(`Not an S3 bucket name: ${JSON.stringify(options.bucket)}`);
    this.#bucketUrl = `${endpoint.origin}${endpoint.pathname.replace(/\/+$/, '')}/${options.bucket}`;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#client = new AwsClient({
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      service: 's3',
      region: options.region,
      // aws4fetch retries 5xx and 429 answers with backoff; a few tries, all within the timeout.
      retries: 3,
    });
  }

  async put(key: string, bytes: Buffer, contentType: AttachmentType): Promise<void> {
    const response = await this.#send('PUT', key, bytes, contentType);
    if (!response.ok) throw await failure('PUT', key, response);
    await response.body?.cancel();
    // A single-part PUT answers the MD5 of what the server stored as its ETag: a mismatch means
    // the bytes were damaged on the way or on the server's disk.
    const etag = response.headers.get('etag')?.replaceAll('"', '').toLowerCase();
    if (etag !== hex('md5', bytes)) {
      // Best effort: a damaged object is not worth keeping, and the PUT's error is what matters.
      await this.delete(key).catch(() => undefined);
      throw new Error(
        `S3 PUT ${key}: the ETag answered (${etag ?? 'none'}) is not the MD5 of the bytes sent.`,
      );
    }
  }

  async get(key: string): Promise<Buffer | null> {
    const response = await this.#send('GET', key);
    if (response.ok) return Buffer.from(await response.arrayBuffer());
    const error = await failure('GET', key, response);
    // Only a missing key is "no bytes": a missing bucket or a wrong endpoint must be seen.
    if (error.status === 404 && error.code === 'NoSuchKey') return null;
    throw error;
  }

  async delete(key: string): Promise<void> {
    const response = await this.#send('DELETE', key);
    if (response.ok) {
      await response.body?.cancel();
      return;
    }
    // S3 answers 204 for a key that is not there; some compatible servers answer 404.
    const error = await failure('DELETE', key, response);
    if (error.status === 404 && error.code === 'NoSuchKey') return;
    throw error;
  }

  async #send(method: 'PUT' | 'GET' | 'DELETE', key: string, bytes: Buffer = EMPTY, contentType?: string) {
    // The key is checked before anything goes out; checked keys need no URL encoding.
    const url = `${this.#bucketUrl}/${checkAttachmentKey(key)}`;
    const headers: Record<string, string> = {
      // The payload's hash is signed (aws4fetch would send UNSIGNED-PAYLOAD to S3), so the
      // server refuses a body changed on the way.
      'x-amz-content-sha256': hex('sha256', bytes),
    };
    if (contentType) headers['content-type'] = contentType;
    try {
      return await this.#client.fetch(url, {
        method,
        headers,
        ...(method === 'PUT' ? { body: bytes } : {}),
        // A server that stops answering must not hold an upload or a download for ever.
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      const reason =
        error instanceof Error && error.name === 'TimeoutError'
          ? `no answer within ${this.#timeoutMs / 1000} s`
          : String(error);
      throw new Error(`S3 ${method} ${key}: ${reason}`, { cause: error });
    }
  }
}

/** An error answer from the server; carries its status and S3 error code, never the credentials. */
export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'S3Error';
  }
}

/** The error for a non-2xx answer, with the `<Code>` of its XML body (its `<Message>` may echo the request). */
async function failure(method: string, key: string, response: Response): Promise<S3Error> {
  const body = await response.text().catch(() => '');
  const code = /<Code>([^<]{1,100})<\/Code>/.exec(body)?.[1] ?? null;
  return new S3Error(
    response.status,
    code,
    `S3 ${method} ${key}: ${response.status} ${code ?? '(no S3 error code)'}`,
  );
}
