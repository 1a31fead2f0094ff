/**
 * The web app as the server sends it: a build's Brotli copy to a browser that accepts Brotli,
 * gzip made on the fly to one that does not, the file itself to one that accepts neither;
 * hashed assets cached for a year, any other page address answered with index.html, and an
 * unknown API address with a problem+json 404. Over a real build folder written to disk, with
 * the compression hook registered before the web app exactly as app.ts does.
 */
import compress from '@fastify/compress';
import Fastify, { type FastifyInstance } from 'fastify';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebApp } from './static.ts';

let dist: string;
let app: FastifyInstance;
// Large enough for the compression hook's 1 KB threshold, and recognisable once decoded.
const script = `console.log(${JSON.stringify('ភូមិ '.repeat(800))});\n`;

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'sndd-web-dist-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), script);
  fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.js.br'), zlib.brotliCompressSync(script));
  app = Fastify({ logger: false });
  await app.register(compress, { threshold: 1024 });
  await registerWebApp(app, dist);
  await app.ready();
});

afterAll(async () => {
  await app.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

const getScript = (acceptEncoding: string) =>
  app.inject({
    method: 'GET',
    url: '/assets/index-abc123.js',
    headers: { 'accept-encoding': acceptEncoding },
  });

describe('the built web app', () => {
  it('sends the build’s Brotli copy to a browser that accepts Brotli, cached for a year', async () => {
    const response = await getScript('gzip, deflate, br');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(response.rawPayload).toString('utf8')).toBe(script);
    // The very bytes of the build's copy (best quality), not a fresh, faster compression.
    expect(response.rawPayload.equals(fs.readFileSync(path.join(dist, 'assets', 'index-abc123.js.br')))).toBe(
      true,
    );
  });

  it('compresses with gzip for a browser without Brotli, and sends the plain file to one without either', async () => {
    const gzipped = await getScript('gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzipped.rawPayload).toString('utf8')).toBe(script);

    const plain = await getScript('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('answers a page address with index.html, and an unknown API address with a problem+json 404', async () => {
    const page = await app.inject({ method: 'GET', url: '/units/230201', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toContain('<div id="root">');

    const api = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });
});
