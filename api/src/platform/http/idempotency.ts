/**
 * Idempotent writes, for every POST of every module (the pattern of payment APIs): a client
 * that sends `Idempotency-Key: <its own unique value>` and retries — because the answer never
 * reached it — gets the first answer again (status, body, Location) instead of a second
 * record, for 24 hours.
 *
 * - The key belongs to a principal: the signed-in user (session or API token, `user:<id>`);
 *   for a public route without a principal, the route itself (`anonymous:POST /open311/…`),
 *   so the key alone identifies the request and must be random.
 * - The same key with another request (method, URL or body) is refused: 422
 *   `idempotency.key.reused`. While the first request is still being served, a retry gets
 *   409 `idempotency.key.in_progress`. A malformed key: 400 `idempotency.key.invalid`.
 * - Answers below 500 are kept (a refused filing stays refused); a 5xx or a 429 frees the key,
 *   so a retry runs the request again.
 * - Sign-in, tokens, password changes and resets are left out (NOT_KEPT): their answers hold
 *   secrets that must not be stored.
 *
 * The window: the key is claimed before the handler runs and its answer stored right after,
 * in transactions of their own (a module's service commits its own transaction, which this
 * layer does not see). If the process dies between the service's commit and the storing of
 * the answer (a few milliseconds), the key stays "in progress": retries get 409 for
 * STALE_SECONDS, after which a retry runs the request again. Nothing is written twice while
 * the process lives.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { AppError } from './problem.ts';
import {
  claimKey,
  completeKey,
  findKey,
  purgeExpired,
  releaseKey,
  retakeKey,
  type IdempotencyTables,
} from './idempotency.queries.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** How long a first answer is kept. */
export const RETENTION_HOURS = 24;
/** A key still "in progress" after this long was abandoned (its process died). */
export const STALE_SECONDS = 120;
/** Visible ASCII, 1–255 characters (a UUID is the usual choice). */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/**
 * POSTs whose answer is never stored: they answer secrets (a session's CSRF token, an API
 * token, a temporary password) that must not sit in a table for 24 hours, or set a cookie a
 * replay could not set again. They are safe to repeat or refuse a repeat on their own.
 */
const NOT_KEPT = [/^\/api\/auth\//, /^\/api\/access\/users\/[^/]+\/password-reset$/];
/** The response headers replayed with a stored answer. */
const KEPT_HEADERS = ['content-type', 'location'] as const;

interface Claim {
  scope: string;
  key: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyClaim?: Claim;
  }
}

function scopeOf(request: FastifyRequest): string {
  const principal = request.principal;
  if (principal) return `user:${principal.userId}`;
  return `anonymous:${request.method} ${request.routeOptions.url ?? request.url}`;
}

function hashOf(request: FastifyRequest): string {
  const hash = createHash('sha256').update(`${request.method} ${request.url}\n`);
  if (request.body === undefined) {
    // A body the handler reads itself (a file upload): its type and length stand for it.
    hash.update(`${request.headers['content-type'] ?? ''} ${request.headers['content-length'] ?? ''}`);
  } else {
    hash.update(Buffer.isBuffer(request.body) ? request.body : JSON.stringify(request.body));
  }
  return hash.digest('hex');
}

function replay(
  reply: FastifyReply,
  stored: { statusCode: number; body: string; headers: Record<string, string> },
) {
  for (const [name, value] of Object.entries(stored.headers)) reply.header(name, value);
  reply.header('idempotent-replayed', 'true');
  return reply.code(stored.statusCode).send(stored.body);
}

export function registerIdempotency(app: FastifyInstance, db: Kysely<unknown>): void {
  const kysely = db as unknown as Kysely<IdempotencyTables>;
  let claims = 0;

  const before = async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined) return;
    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined || !KEY_PATTERN.test(key) || Array.isArray(header)) {
      throw new AppError(
        400,
        'idempotency.key.invalid',
        'The Idempotency-Key header must be one value of 1 to 255 visible ASCII characters.',
      );
    }
    const scope = scopeOf(request);
    const requestHash = hashOf(request);

    let claimed = await claimKey(kysely, scope, key, requestHash);
    if (!claimed) {
      const stored = await findKey(kysely, scope, key, RETENTION_HOURS, STALE_SECONDS);
      if (stored === undefined || stored.expired || stored.abandoned) {
        // Freed meanwhile, past its 24 hours, or left by a process that died: take it over.
        claimed =
          stored === undefined
            ? await claimKey(kysely, scope, key, requestHash)
            : await retakeKey(kysely, scope, key, requestHash, RETENTION_HOURS, STALE_SECONDS);
      } else if (stored.requestHash !== requestHash) {
        throw new AppError(
          422,
          'idempotency.key.reused',
          'This Idempotency-Key was already used for another request.',
          'Send a new key for a new request; reuse a key only to retry the very same request.',
        );
      } else if (stored.statusCode === null) {
        throw new AppError(
          409,
          'idempotency.key.in_progress',
          'The first request with this Idempotency-Key is still being served: retry in a moment.',
        );
      } else {
        return replay(reply, {
          statusCode: stored.statusCode,
          body: stored.responseBody ?? '',
          headers: stored.responseHeaders ?? {},
        });
      }
      if (!claimed) {
        throw new AppError(
          409,
          'idempotency.key.in_progress',
          'The first request with this Idempotency-Key is still being served: retry in a moment.',
        );
      }
    }
    request.idempotencyClaim = { scope, key };
    claims += 1;
    if (claims % 1000 === 0) {
      purgeExpired(kysely, RETENTION_HOURS).catch((error: unknown) =>
        request.log.warn({ err: error }, 'could not purge expired idempotency keys'),
      );
    }
  };

  // After the access check (a route's own preHandler, added by registerAccessControl before
  // this): the principal is known. Only POST routes: PUT, PATCH and DELETE are idempotent by
  // their nature.
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat().map(String);
    if (!methods.includes('POST')) return;
    if (NOT_KEPT.some((pattern) => pattern.test(route.url))) return;
    const existing = route.preHandler === undefined ? [] : [route.preHandler].flat();
    route.preHandler = [...existing, before];
  });

  // Registered before compression (app.ts), so the payload here is the serialised body.
  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotencyClaim;
    if (!claim) return payload;
    request.idempotencyClaim = undefined;
    const status = reply.statusCode;
    const body =
      typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
    try {
      if (status >= 500 || status === 429 || body === null) {
        await releaseKey(kysely, claim.scope, claim.key);
      } else {
        const headers: Record<string, string> = {};
        for (const name of KEPT_HEADERS) {
          const value = reply.getHeader(name);
          if (value !== undefined) headers[name] = String(value);
        }
        await completeKey(kysely, claim.scope, claim.key, { statusCode: status, body, headers });
      }
    } catch (error) {
      // The answer still goes out; a retry within STALE_SECONDS gets 409, later it runs again.
      request.log.error({ err: error }, 'could not store the answer of an Idempotency-Key');
    }
    return payload;
  });
}
