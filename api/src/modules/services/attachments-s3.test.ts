/**
 * S3Store against a real S3-compatible server: s3rver, listening on a free port of this machine
 * with its objects in a temporary folder, reached over HTTP through a small forwarding proxy
 * that records each request's headers (and, for one test, damages an upload on the way).
 *
 * s3rver checks the access key id, the x-amz-date and the shape of a SigV4 Authorization
 * header, but not the signature itself (V4 "is unimplemented" in its source): a wrong secret
 * key passes there. So the signatures are checked here, by recomputing them from the recorded
 * requests with the secret key (AWS's SigV4 recipe, written out apart from aws4fetch).
 */
import { createHash, createHmac } from 'node:crypto';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { allMigrations, modules } from '../../modules.ts';
import { signedIn } from '../../test-support/http.ts';
import { openTestDb, type TestDb } from '../../test-support/test-db.ts';
import { DEMO_PASSWORD } from '../access/index.ts';
import { S3Store } from './attachments-s3.ts';
import { attachmentStoreFromEnv, LocalFolderStore } from './attachments.ts';
import { createServicesModule } from './index.ts';

// s3rver ships no types: the little of it used here.
interface S3rverServer {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
const S3rver = createRequire(import.meta.url)('s3rver') as new (options: {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  vhostBuckets: boolean;
  configureBuckets: { name: string }[];
}) => S3rverServer;

// s3rver's one account.
const ACCESS_KEY_ID = 'S3RVER';
const SECRET = 'S3RVER';
const BUCKET = 'sndd-attachments';
const REGION = 'eu-test-1';

let s3rverDir: string;
let s3rver: S3rverServer;
let proxy: http.Server;
let endpoint: string;
let recorded: { method: string; url: string; headers: IncomingHttpHeaders }[] = [];
let damageNextUpload = false;

/** Forwards each request to s3rver unchanged (unless told to flip a byte of the next PUT), keeping its headers. */
function forwardingProxy(target: AddressInfo): http.Server {
  return http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      recorded.push({ method: request.method!, url: request.url!, headers: request.headers });
      const body = Buffer.concat(chunks);
      if (request.method === 'PUT' && damageNextUpload && body.length > 0) {
        damageNextUpload = false;
        body[body.length - 1]! ^= 0xff;
      }
      const upstream = http.request(
        {
          host: target.address,
          port: target.port,
          method: request.method,
          path: request.url,
          headers: request.headers,
        },
        (answer) => {
          response.writeHead(answer.statusCode!, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on('error', (error) => response.destroy(error));
      upstream.end(body);
    });
  });
}

const listen = (server: http.Server) =>
  new Promise<AddressInfo>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(server.address() as AddressInfo)),
  );
const closeServer = (server: http.Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

const store = (overrides: Partial<ConstructorParameters<typeof S3Store>[0]> = {}) =>
  new S3Store({
    endpoint,
    bucket: BUCKET,
    region: REGION,
    accessKeyId: ACCESS_KEY_ID,
    secretAccessKey: SECRET,
    ...overrides,
  });

/** Where s3rver keeps an object on disk. */
const objectFile = (key: string) => path.join(s3rverDir, BUCKET, `${key}._S3rver_object`);
const exists = (file: string) =>
  readFile(file).then(
    () => true,
    () => false,
  );

// A real PNG signature and IHDR chunk, then every byte value: binary, not text.
const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.alloc(3000, 0x20)]);

/** AWS Signature V4 of a recorded request, for `secret`; S3 signs the payload hash header as given. */
function expectedSignature(request: (typeof recorded)[number], secret: string): string {
  const authorization = String(request.headers.authorization);
  const credential = /Credential=([^,]+)/.exec(authorization)![1]!;
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)![1]!;
  const [, day, region, service] = credential.split('/');
  const amzDate = String(request.headers['x-amz-date']);
  const canonical = [
    request.method,
    request.url.split('?')[0],
    '',
    ...signedHeaders.split(';').map((name) => `${name}:${String(request.headers[name]).trim()}`),
    '',
    signedHeaders,
    String(request.headers['x-amz-content-sha256']),
  ].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const toSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    scope,
    createHash('sha256').update(canonical).digest('hex'),
  ].join('\n');
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secret}`, day!), region!), service!), 'aws4_request');
  return createHmac('sha256', signingKey).update(toSign).digest('hex');
}

beforeAll(async () => {
  s3rverDir = await mkdtemp(path.join(os.tmpdir(), 'sndd-s3rver-'));
  s3rver = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: s3rverDir,
    silent: true,
    vhostBuckets: false,
    configureBuckets: [{ name: BUCKET }],
  });
  const target = await s3rver.run();
  proxy = forwardingProxy(target);
  endpoint = `http://127.0.0.1:${(await listen(proxy)).port}`;
});
afterAll(async () => {
  await closeServer(proxy);
  await s3rver.close();
  await rm(s3rverDir, { recursive: true, force: true });
});
beforeEach(() => {
  recorded = [];
  damageNextUpload = false;
});

describe('S3Store against s3rver', () => {
  it('stores binary bytes under the key, path-style, and reads them back unchanged', async () => {
    const s3 = store();
    await s3.put('2302abcd/0123456789abcdef', PNG, 'image/png');
    expect(await readFile(objectFile('2302abcd/0123456789abcdef'))).toEqual(PNG);
    expect(await s3.get('2302abcd/0123456789abcdef')).toEqual(PNG);

    const [put, get] = recorded;
    expect(put).toMatchObject({ method: 'PUT', url: `/${BUCKET}/2302abcd/0123456789abcdef` });
    expect(put!.headers['content-type']).toBe('image/png');
    // The payload's hash, not UNSIGNED-PAYLOAD, so that the server can refuse a changed body.
    expect(put!.headers['x-amz-content-sha256']).toBe(createHash('sha256').update(PNG).digest('hex'));
    expect(get!.headers['x-amz-content-sha256']).toBe(createHash('sha256').update('').digest('hex'));
    const metadata = JSON.parse(
      await readFile(
        path.join(s3rverDir, BUCKET, '2302abcd', '0123456789abcdef._S3rver_metadata.json'),
        'utf8',
      ),
    );
    expect(metadata['content-type']).toBe('image/png');
  });

  it('signs every request with SigV4 for the region, the s3 service and the secret key', async () => {
    const s3 = store();
    await s3.put('sig/one', PDF, 'application/pdf');
    await s3.get('sig/one');
    await s3.delete('sig/one');
    expect(recorded.map((request) => request.method)).toEqual(['PUT', 'GET', 'DELETE']);
    for (const request of recorded) {
      const authorization = String(request.headers.authorization);
      expect(authorization).toMatch(
        new RegExp(`^AWS4-HMAC-SHA256 Credential=${ACCESS_KEY_ID}/\\d{8}/${REGION}/s3/aws4_request, `),
      );
      expect(authorization).toMatch(/SignedHeaders=[^,]*host;[^,]*x-amz-content-sha256;x-amz-date/);
      const signature = /Signature=([0-9a-f]{64})$/.exec(authorization)?.[1];
      expect(signature).toBe(expectedSignature(request, SECRET));
      expect(signature).not.toBe(expectedSignature(request, 'not-the-secret'));
    }
  });

  it('answers null for a key that is not there, and after a delete', async () => {
    const s3 = store();
    expect(await s3.get('missing/key')).toBeNull();
    await s3.put('gone/soon', PDF, 'application/pdf');
    expect(await exists(objectFile('gone/soon'))).toBe(true);
    await s3.delete('gone/soon');
    expect(await exists(objectFile('gone/soon'))).toBe(false);
    expect(await s3.get('gone/soon')).toBeNull();
  });

  it('deletes a key that is not there without complaint', async () => {
    await expect(store().delete('never/there')).resolves.toBeUndefined();
    await expect(store().delete('never/there')).resolves.toBeUndefined();
  });

  it('treats a missing bucket as an error, not as a missing file', async () => {
    const s3 = store({ bucket: 'no-such-bucket' });
    await expect(s3.get('a/b')).rejects.toThrow(/S3 GET a\/b: 404 NoSuchBucket/);
    await expect(s3.delete('a/b')).rejects.toThrow(/S3 DELETE a\/b: 404 NoSuchBucket/);
  });

  it('names the status and the S3 error code when the access key is refused, never the secret', async () => {
    const secret = 'very-secret-key-0123456789';
    const s3 = store({ accessKeyId: 'NOT-A-KEY', secretAccessKey: secret });
    const error = await s3.put('refused/upload', PDF, 'application/pdf').then(
      () => null,
      (caught: unknown) => caught as Error & { status: number; code: string },
    );
    expect(error?.message).toBe('S3 PUT refused/upload: 403 InvalidAccessKeyId');
    expect(error).toMatchObject({ status: 403, code: 'InvalidAccessKeyId' });
    expect(inspect(error)).not.toContain(secret);
    expect(await exists(objectFile('refused/upload'))).toBe(false);
    // Nor does the store show its secret when it is logged.
    expect(inspect(s3)).not.toContain(secret);
    expect(JSON.stringify(s3)).not.toContain(secret);
  });

  it('catches an upload damaged on the way (the ETag is not the MD5 of the bytes) and removes it', async () => {
    damageNextUpload = true;
    await expect(store().put('damaged/upload', PDF, 'application/pdf')).rejects.toThrow(
      /S3 PUT damaged\/upload: the ETag answered \([0-9a-f]{32}\) is not the MD5 of the bytes sent/,
    );
    expect(recorded.map((request) => request.method)).toEqual(['PUT', 'DELETE']);
    expect(await exists(objectFile('damaged/upload'))).toBe(false);
  });

  it('refuses bad keys before any request, as the local folder does', async () => {
    const s3 = store();
    const local = new LocalFolderStore(path.join(s3rverDir, 'local'));
    for (const key of ['../x', 'A/B', '/etc/passwd', 'a/../../b', '', 'a b']) {
      for (const each of [s3, local]) {
        await expect(each.put(key, PDF, 'application/pdf'), key).rejects.toThrow('Not an attachment key');
        await expect(each.get(key), key).rejects.toThrow('Not an attachment key');
        await expect(each.delete(key), key).rejects.toThrow('Not an attachment key');
      }
    }
    expect(recorded).toEqual([]);
  });

  it('gives up on a server that does not answer, after its timeout', async () => {
    const silent = http.createServer(() => {});
    const { port } = await listen(silent);
    try {
      const s3 = store({ endpoint: `http://127.0.0.1:${port}`, timeoutMs: 300 });
      const started = Date.now();
      await expect(s3.get('slow/key')).rejects.toThrow('S3 GET slow/key: no answer within 0.3 s');
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await closeServer(silent);
    }
  });

  it('refuses an endpoint that is not an http(s) URL or carries credentials, and a bad bucket name', () => {
    expect(() => store({ endpoint: 's3.example.org' })).toThrow('must be an http(s) URL');
    expect(() => store({ endpoint: 'ftp://s3.example.org' })).toThrow('must be an http(s) URL');
    expect(() => store({ endpoint: 'https://key:secret@s3.example.org' })).toThrow('must not carry a user');
    expect(() => store({ bucket: 'Bad_Bucket' })).toThrow('Not an S3 bucket name');
  });
});

describe('attachmentStoreFromEnv', () => {
  const s3Env = () => ({
    ATTACHMENTS_STORE: 's3',
    S3_ENDPOINT: endpoint,
    S3_BUCKET: BUCKET,
    S3_ACCESS_KEY_ID: ACCESS_KEY_ID,
    S3_SECRET_ACCESS_KEY: SECRET,
  });

  it('builds an S3 store from the S3_ variables, in us-east-1 unless S3_REGION says otherwise', async () => {
    const s3 = attachmentStoreFromEnv(s3Env());
    expect(s3).toBeInstanceOf(S3Store);
    await s3.put('from-env/key', PNG, 'image/png');
    expect(await readFile(objectFile('from-env/key'))).toEqual(PNG);
    expect(String(recorded[0]!.headers.authorization)).toContain('/us-east-1/s3/aws4_request');
    await attachmentStoreFromEnv({ ...s3Env(), S3_REGION: 'ap-southeast-1' }).get('from-env/key');
    expect(String(recorded[1]!.headers.authorization)).toContain('/ap-southeast-1/s3/aws4_request');
  });

  it('names every missing variable', () => {
    const { S3_BUCKET: _bucket, S3_SECRET_ACCESS_KEY: _secret, ...partial } = s3Env();
    expect(() => attachmentStoreFromEnv(partial)).toThrow(
      'ATTACHMENTS_STORE=s3 needs S3_BUCKET, S3_SECRET_ACCESS_KEY in the environment.',
    );
    expect(() => attachmentStoreFromEnv({ ...s3Env(), S3_ENDPOINT: '' })).toThrow(
      'ATTACHMENTS_STORE=s3 needs S3_ENDPOINT in the environment.',
    );
  });

  it('keeps the local folder when ATTACHMENTS_STORE is unset or local, and refuses any other value', () => {
    expect(attachmentStoreFromEnv({ ATTACHMENTS_DIR: '/tmp/sndd-x' })).toEqual(
      new LocalFolderStore('/tmp/sndd-x'),
    );
    expect(
      attachmentStoreFromEnv({ ATTACHMENTS_STORE: 'local', ATTACHMENTS_DIR: '/tmp/sndd-x' }),
    ).toBeInstanceOf(LocalFolderStore);
    expect(() => attachmentStoreFromEnv({ ATTACHMENTS_STORE: 'gcs' })).toThrow(
      'ATTACHMENTS_STORE must be "local" or "s3", not "gcs".',
    );
  });
});

describe('the application with its attachments in s3rver', () => {
  let db: TestDb;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await openTestDb();
    app = await buildApp({
      config: {
        logLevel: 'silent',
        webDistDir: path.join(os.tmpdir(), 'sndd-no-web-app'),
        rateLimitPerMinute: 1_000_000,
      },
      db,
      modules: modules.map((module) =>
        module.name === 'services' ? createServicesModule({ attachmentStore: store() }) : module,
      ),
      migrations: allMigrations(),
      logger: false,
    });
    await app.ready();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('uploads a file through the HTTP API into the bucket and serves it back', async () => {
    const officer = await signedIn(app, 'kep.district@sndd.example', DEMO_PASSWORD);
    const filed = await officer.request('POST', '/api/services/applications/counter', {
      serviceCode: 'owso.business_licence_small',
      unitCode: '2302',
      values: { business_name: 'S3 shop', business_type: 'retail', workers: 1 },
      applicant: { name: 'Test applicant', sex: 'female', ageGroup: '35-49' },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const number = filed.json<{ trackingNumber: string }>().trackingNumber;

    const boundary = 'sndd-s3-test-boundary';
    const upload = await officer.request(
      'POST',
      `/api/services/applications/${number}/attachments`,
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lease.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        PDF,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
      { 'content-type': `multipart/form-data; boundary=${boundary}` },
    );
    expect(upload.statusCode, upload.body).toBe(201);
    const [attachment] = upload.json<{ attachments: { id: number }[] }>().attachments;

    // The object is in s3rver's folder, under the application's number, with the bytes sent.
    const folder = path.join(s3rverDir, BUCKET, number.toLowerCase());
    const objects = (await readdir(folder)).filter((name) => name.endsWith('._S3rver_object'));
    expect(objects).toHaveLength(1);
    expect(await readFile(path.join(folder, objects[0]!))).toEqual(PDF);
    expect(recorded.filter((request) => request.method === 'PUT')).toHaveLength(1);

    const download = await officer.request(
      'GET',
      `/api/services/applications/${number}/attachments/${attachment!.id}`,
    );
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload).toEqual(PDF);
    expect(recorded.filter((request) => request.method === 'GET')).toHaveLength(1);
  });
});
