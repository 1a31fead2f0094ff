/**
 * The built web app (web/dist), served by the same process as the API. Any GET outside /api
 * that matches no file gets index.html so the browser router can take it; anything else that
 * matches no route gets a problem+json 404.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import { problem, sendProblem } from '../http/problem.ts';

const API_PREFIXES = ['/api/', '/open311/'];

function wantsWebPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (API_PREFIXES.some((prefix) => request.url.startsWith(prefix))) return false;
  if (request.url === '/api') return false;
  return /text\/html|\*\/\*/.test(request.headers.accept ?? '*/*');
}

export async function registerWebApp(app: FastifyInstance, webDistDir: string): Promise<void> {
  const indexFile = path.join(webDistDir, 'index.html');
  const hasWebApp = fs.existsSync(indexFile);
  if (hasWebApp) {
    await app.register(fastifyStatic, {
      root: webDistDir,
      wildcard: false,
      index: false,
      // The build writes a Brotli copy beside each script and stylesheet (web/vite.config.ts):
      // a browser that accepts Brotli gets it, others get gzip from the compression hook.
      preCompressed: true,
      // Vite puts a content hash in every asset name: they can be cached for a year.
      setHeaders: (reply, filePath) => {
        reply.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    if (hasWebApp && wantsWebPage(request)) {
      return reply
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .sendFile('index.html');
    }
    return sendProblem(
      reply,
      problem(404, 'http.route_not_found', 'There is nothing at this address.', {
        instance: request.url.split('?')[0],
        requestId: request.id,
      }),
    );
  });
}
