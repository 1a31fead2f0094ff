/**
 * Builds the HTTP application around an open database: the platform's plugins (errors,
 * OpenAPI, health), every module's routes, and the web app. Tests build it with `inject`;
 * main.ts builds it and listens.
 */
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';
import { repoRoot } from './config.ts';
import type { Db } from './platform/db/create-db.ts';
import { pendingMigrations, type Migration } from './platform/db/migrations.ts';
import { healthRoutes } from './platform/http/health.routes.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { AppError, registerProblemHandlers } from './platform/http/problem.ts';
import { requestIdFor } from './platform/http/request-id.ts';
import {
  answerClientError,
  answerFrameworkError,
  buildValidator,
  registerInputRules,
} from './platform/http/input-rules.ts';
import { compileRestWhenListening, lazySchemaCompilers } from './platform/http/schema-compilers.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import type { ModuleManifest } from './platform/module.ts';
import { registerWebApp } from './platform/web/static.ts';
import type { Database } from './modules.ts';
import { wireModules } from './platform/wiring.ts';
import { writeAudit } from './platform/audit/audit.ts';
import { auditActor } from './platform/audit/audit-context.ts';
import { registerAccessControl } from './platform/auth/access-control.ts';
import { registerIdempotency } from './platform/http/idempotency.ts';
import { registerMetrics } from './platform/http/metrics.ts';
import type { Kysely } from 'kysely';
import { startJobRunner, type JobRunner } from './platform/jobs/job-queue.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * The database, shared by every route. Typed loosely on purpose: each module assigns it
     * to a Kysely of its own tables (Kysely's types are invariant, so the full schema would
     * not narrow without a cast in every module).
     */
    db: Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  }
}

export interface AppOptions {
  config: Pick<Config, 'logLevel' | 'webDistDir'> &
    Partial<Pick<Config, 'rateLimitPerMinute' | 'trustProxy' | 'metricsToken' | 'jobs'>>;
  db: Db<Database>;
  modules: readonly ModuleManifest[];
  migrations: readonly Migration[];
  /** Pino options or false; tests pass false. */
  logger?: FastifyServerOptions['logger'];
  /** An existing pino logger (main.ts shares one between start-up and requests). */
  loggerInstance?: FastifyBaseLogger;
}

export const LIMITS = {
  /** JSON bodies; file uploads will get their own, larger limit on their own routes. */
  bodyLimitBytes: 1024 * 1024,
  /** Time allowed to receive a whole request. */
  requestTimeoutMs: 30_000,
  /** An idle socket is closed after this. */
  connectionTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
};

function packageVersion(): string {
  const json = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  return json.version;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const compilers = lazySchemaCompilers(buildValidator);
  const app = Fastify({
    ...(options.loggerInstance
      ? { loggerInstance: options.loggerInstance }
      : { logger: options.logger ?? { level: options.config.logLevel } }),
    genReqId: requestIdFor,
    bodyLimit: LIMITS.bodyLimitBytes,
    requestTimeout: LIMITS.requestTimeoutMs,
    connectionTimeout: LIMITS.connectionTimeoutMs,
    keepAliveTimeout: LIMITS.keepAliveTimeoutMs,
    // The client's address (rate limits, sign-in throttle, audit) is the socket's, unless
    // TRUST_PROXY names the proxies in front: then the right-most X-Forwarded-For address that
    // is not one of them. A client cannot forge it by writing the header itself.
    trustProxy: (options.config.trustProxy ?? []).length > 0 ? [...(options.config.trustProxy ?? [])] : false,
    // Compiled on first use, the rest once listening (schema-compilers.ts): a start does not
    // wait for every route's validators and serializers.
    schemaController: {
      compilersFactory: {
        buildValidator: compilers.buildValidator,
        buildSerializer: compilers.buildSerializer,
      },
    },
    // Headers too large and malformed requests are answered in problem+json too.
    clientErrorHandler: answerClientError,
    // …and so are URLs the router refuses (a broken %-escape, a path parameter too long).
    frameworkErrors: answerFrameworkError,
  }).withTypeProvider<TypeBoxTypeProvider>();

  compileRestWhenListening(app, compilers);
  app.decorate('db', options.db.kysely);
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  registerProblemHandlers(app);
  registerInputRules(app);
  registerSecurityHeaders(app);
  // A coarse per-address limit against floods. It counts in this process's memory, so with N
  // processes an address gets up to N times the limit; sign-in has its own exact limit in the
  // database (see modules/access/sign-in-throttle.ts).
  await app.register(rateLimit, {
    max: options.config.rateLimitPerMinute ?? 600,
    timeWindow: '1 minute',
    // Only a refused request is told when to come back; three counters on every answer would
    // cost bytes on every phone for a limit nobody normal reaches.
    addHeadersOnExceeding: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
    },
    addHeaders: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
      'retry-after': true,
    },
    errorResponseBuilder: (_request, context) =>
      new AppError(
        429,
        'http.rate_limited',
        `Too many requests. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
      ),
  });
  await app.register(cookie);
  // One context per module and the ports between them (platform/wiring.ts).
  const wired = wireModules(options.db.kysely, options.modules);
  registerAccessControl(app, {
    authenticator: wired.ports.authenticator,
    jurisdiction: {
      isUnitWithin: (unitCode, scopeCode) =>
        wired.ports.jurisdiction.isUnitWithin(options.db.kysely, unitCode, scopeCode),
    },
    // Refused requests are recorded in the audit trail: who tried what, from where.
    onDenied: async (request, code) => {
      await options.db.kysely.transaction().execute((trx) =>
        writeAudit(trx, {
          ...auditActor(request),
          action: 'auth.access.denied',
          entityType: 'http.route',
          entityId: `${request.method} ${request.routeOptions.url ?? request.url}`,
          after: { code },
        }),
      );
    },
  });
  // Idempotency-Key on every POST: after the access check (it needs the principal), before
  // compression (it stores the serialised answer).
  registerIdempotency(app, options.db.kysely as unknown as Kysely<unknown>);
  // gzip/brotli for anything over 1 KB: citizens on slow phone connections pay for every byte.
  await app.register(compress, { threshold: 1024 });
  await registerOpenApi(
    app,
    packageVersion(),
    options.modules.flatMap((module) => module.tags),
  );

  const db = options.db.kysely as unknown as Kysely<unknown>;
  await app.register(
    healthRoutes({
      pingDatabase: () => options.db.ping(),
      pendingMigrations: () => pendingMigrations(db, options.migrations),
    }),
    { prefix: '/api' },
  );
  registerMetrics(app, { token: options.config.metricsToken, db, poolStats: options.db.poolStats });
  for (const module of options.modules) {
    if (module.routes) {
      const prefix =
        module.mountPath ??
        (module.routePrefix === '' ? '/api' : `/api/${module.routePrefix ?? module.name}`);
      await app.register(module.routes(wired.contextOf(module.name)), { prefix });
    }
  }
  await registerWebApp(app, options.config.webDistDir);
  if (options.config.jobs) {
    // Background jobs run in this process (JOBS=on): from the moment the app is ready, until
    // it closes: after the last request, before the database closes (main.ts closes the app,
    // then the database), the jobs in progress given time to finish.
    let runner: JobRunner | undefined;
    app.addHook('onReady', async () => {
      runner = await startJobRunner({
        db,
        definitions: wired.jobs,
        log: {
          info: (message) => app.log.info(message),
          error: (error, message) => app.log.error({ err: error }, message),
        },
      });
    });
    app.addHook('onClose', async () => {
      await runner?.stop();
    });
  }
  return app;
}
