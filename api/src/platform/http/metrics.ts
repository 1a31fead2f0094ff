/**
 * `GET /api/metrics`: the process's figures in Prometheus's text format (prom-client), for the
 * monitoring an operator runs: requests by route and status, their latency, the database
 * pool's use, the background jobs by queue and state (waiting, retrying, running, failed), the
 * audit chain's length, and node's own (memory, event-loop lag, handles).
 *
 * Scrapers authenticate with a bearer token, `METRICS_TOKEN` (a person's session is not the
 * right credential for a machine that polls every 15 s); without the setting the route answers
 * 404, so a deployment exposes nothing it did not ask for. Each process has its own registry:
 * with WORKERS=n, Prometheus scrapes each worker's answer as it comes (the `x-worker-pid`
 * header says which), the usual practice for cluster processes.
 *
 * Routes are labelled by their template (`/api/services/applications/:number`), never by the
 * URL asked, so that the number of series stays bounded whatever clients send.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { queueDepths } from '../jobs/job-queue.ts';
import { problem, sendProblem } from './problem.ts';

export interface MetricsOptions {
  /** METRICS_TOKEN; undefined turns the route off (404). */
  token: string | undefined;
  db: Kysely<unknown>;
  /** The database pool's connections (PostgreSQL); undefined on PGlite. */
  poolStats?: (() => { total: number; idle: number; waiting: number }) | undefined;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function registerMetrics(app: FastifyInstance, options: MetricsOptions): void {
  const token = options.token;
  if (!token) {
    // Off: no registry and no hook on every answer, only the route that says so.
    app.get(
      '/api/metrics',
      { config: { access: 'public' }, schema: { hide: true } },
      async (request, reply) =>
        sendProblem(
          reply,
          problem(404, 'platform.metrics.off', 'Metrics are off: set METRICS_TOKEN to serve them.', {
            requestId: request.id,
          }),
        ),
    );
    return;
  }
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'sndd_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'sndd_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route template.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const poolStats = options.poolStats;
  if (poolStats) {
    new Gauge({
      name: 'sndd_db_pool_connections',
      help: 'Database pool connections by state (in use, idle) and requests waiting for one.',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const stats = poolStats();
        this.set({ state: 'in_use' }, stats.total - stats.idle);
        this.set({ state: 'idle' }, stats.idle);
        this.set({ state: 'waiting' }, stats.waiting);
      },
    });
  }
  const db = options.db;
  new Gauge({
    name: 'sndd_audit_chain_length',
    help: 'Records in the audit chain (its last sequence number).',
    registers: [registry],
    async collect() {
      const last = await sql<{ seq: number | null }>`select max(seq)::int as seq from audit_record`.execute(
        db,
      );
      this.set(last.rows[0]?.seq ?? 0);
    },
  });

  new Gauge({
    name: 'sndd_audit_chain_last_check_ok',
    help: "The nightly verification of the audit chain (the audit module's job, recorded as audit.chain.verified): 1 intact, 0 broken; no value before the first.",
    registers: [registry],
    async collect() {
      this.reset();
      const last = await sql<{ ok: boolean | null }>`select (after->>'ok')::boolean as ok from audit_record
        where action = 'audit.chain.verified' order by seq desc limit 1`.execute(db);
      const ok = last.rows[0]?.ok;
      if (ok !== undefined && ok !== null) this.set(ok ? 1 : 0);
    },
  });
  new Gauge({
    name: 'sndd_jobs',
    help: 'Background jobs by name and state: waiting (created), waiting to retry (retry), running (active), and the dead-letter list (failed).',
    labelNames: ['name', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await queueDepths(db as never))
        this.set({ name: row.name, state: row.state }, row.count);
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  app.get(
    '/api/metrics',
    {
      config: { access: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Prometheus metrics of this process (bearer METRICS_TOKEN; 404 when it is not set).',
        hide: true,
      },
    },
    async (request, reply) => {
      const header = request.headers.authorization ?? '';
      const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
      if (!sameToken(given, token)) {
        void reply.header('www-authenticate', 'Bearer realm="metrics"');
        return sendProblem(
          reply,
          problem(401, 'platform.metrics.token', 'Give the metrics token as a bearer token.', {
            requestId: request.id,
          }),
        );
      }
      void reply.header('content-type', registry.contentType);
      return registry.metrics();
    },
  );
}
