/**
 * The module context: everything a module's services need besides their arguments, handed
 * over by the platform, the same whether the service is called from a route, a command-line
 * entry, a seed or a job. Every service function has the shape
 *
 *   export async function approveBudget(ctx: BudgetsContext, actor: Actor, input: …): Promise<…>
 *
 * where `BudgetsContext = ModuleContext<BudgetsTables, PortsOf<'gazetteer' | …>>`.
 *
 * - `db`: a Kysely view of the module's own tables (and nothing else, by type); its SQL lives
 *   in its `*.queries.ts` files.
 * - `inTransaction`: runs work in a transaction, or in the caller's when `db` already is one.
 * - `today()`: today in Cambodia; `clock.now()` the instant.
 * - `audit`: writes audit records in the caller's transaction, filled from the actor.
 * - `access`: who holds permission P at unit U; the signed-in caller of a public route.
 * - `ports`: the other modules' ports this module requires.
 * - `jobs.send(name, payload, { trx })`: enqueues a background job (platform/jobs), in the
 *   change's transaction when given one.
 * - `bind(trx)`: the same context on a transaction (for a seed's or a port's work).
 */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Actor } from './actor.ts';
import { writeAuditRecords, type AuditEntry } from './audit/audit.ts';
import type { Principal } from './auth/principal.ts';
import { systemClock, type Clock } from './clock.ts';
import type { JobSendOptions, ModuleJobs } from './jobs/job.ts';
import type { AnyDb, PortRegistry } from './ports.ts';

/** An audit record's own part: what changed; who and from where comes from the actor. */
export type AuditChange = Omit<
  AuditEntry,
  'actorUserId' | 'actorLogin' | 'assignmentId' | 'requestId' | 'ip'
>;

export interface ModuleAudit {
  /** Appends one record in `trx`, the transaction that makes the change. */
  write(trx: AnyDb, actor: Actor, change: AuditChange): Promise<void>;
  /** Appends several records under one take of the chain's lock. */
  writeMany(trx: AnyDb, actor: Actor, changes: readonly AuditChange[]): Promise<void>;
}

export interface ModuleAccess {
  /**
   * Does the principal hold one of the permissions at `unitCode` (an assignment there or at an
   * ancestor, or a national one)? False for no principal and for one who must change password.
   */
  holdsAt(
    db: AnyDb,
    principal: Principal | null,
    permissions: readonly string[],
    unitCode: string,
  ): Promise<boolean>;
  /**
   * On a public route: the caller, if signed in, so that the answer may show them more. A
   * cookie session counts only with its CSRF token (another site cannot read in a citizen's
   * name through their browser). Used by routes; services receive the result in the Actor.
   */
  viewer(request: FastifyRequest): Promise<Principal | null>;
}

export interface ModuleContext<Tables = unknown, Ports = unknown> {
  /** The module's name (its manifest's). */
  readonly name: string;
  readonly db: Kysely<Tables>;
  inTransaction<T>(work: (trx: Kysely<Tables>) => Promise<T>): Promise<T>;
  readonly clock: Clock;
  /** Today in Cambodia, YYYY-MM-DD. */
  today(): string;
  readonly audit: ModuleAudit;
  readonly access: ModuleAccess;
  readonly ports: Ports;
  /**
   * Background jobs: `send(name, payload, { trx })` enqueues a job some manifest declares, in
   * `trx` when given (it commits or rolls back with the change), else on `db`.
   */
  readonly jobs: ModuleJobs;
  /** One line for the operator (start-up, seeds, imports). */
  log(message: string): void;
  /** This context with `db` on the given transaction (or another handle). */
  bind(db: AnyDb): ModuleContext<Tables, Ports>;
}

export interface ContextOptions {
  name: string;
  db: AnyDb;
  /** The registry the composition root fills; read when a port is used, so order does not matter. */
  ports: Partial<PortRegistry>;
  clock?: Clock;
  log?: (message: string) => void;
  /** Writes a job on a handle (platform/jobs/job-queue.ts's JobSender); wiring gives one. */
  jobs?: JobQueueWriter;
}

/** What the context needs of the queue: write a job on a database handle. */
export interface JobQueueWriter {
  send(
    db: AnyDb,
    name: string,
    payload?: Record<string, unknown>,
    options?: Omit<JobSendOptions, 'trx'>,
  ): Promise<string | null>;
  /** A failed job back in the queue on a handle, after its definition's `beforeRetry`. */
  retryFailed(db: AnyDb, id: string): Promise<string | null>;
}

const NO_JOB_QUEUE: JobQueueWriter = {
  send: (_db, name) => Promise.reject(new Error(`No job queue is wired: cannot send "${name}".`)),
  retryFailed: (_db, id) => Promise.reject(new Error(`No job queue is wired: cannot retry "${id}".`)),
};

function requirePort<Name extends keyof PortRegistry>(
  ports: Partial<PortRegistry>,
  name: Name,
): PortRegistry[Name] {
  const port = ports[name];
  if (!port) throw new Error(`No module provides the port "${name}" (see modules.ts).`);
  return port;
}

const audit: ModuleAudit = {
  async write(trx, actor, change) {
    await writeAuditRecords(trx, [{ ...actor.audit, ...change }]);
  },
  async writeMany(trx, actor, changes) {
    await writeAuditRecords(
      trx,
      changes.map((change) => ({ ...actor.audit, ...change })),
    );
  },
};

export function createModuleContext<Tables = unknown, Ports = unknown>(
  options: ContextOptions,
): ModuleContext<Tables, Ports> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => {});
  const access: ModuleAccess = {
    async holdsAt(db, principal, permissions, unitCode) {
      if (!principal || principal.mustChangePassword) return false;
      for (const assignment of principal.assignments) {
        if (!permissions.some((permission) => assignment.permissions.has(permission))) continue;
        if (assignment.unitCode === null) return true;
        if (
          await requirePort(options.ports, 'jurisdiction').isUnitWithin(db, unitCode, assignment.unitCode)
        ) {
          return true;
        }
      }
      return false;
    },
    async viewer(request) {
      const principal = await requirePort(options.ports, 'authenticator').authenticate(request);
      if (!principal) return null;
      if (principal.via === 'session' && request.headers['x-csrf-token'] !== principal.csrfToken) return null;
      return principal;
    },
  };
  const db = options.db as Kysely<Tables>;
  const queue = options.jobs ?? NO_JOB_QUEUE;
  const jobs: ModuleJobs = {
    send: (name, payload, sendOptions = {}) => {
      const { trx, ...rest } = sendOptions;
      return queue.send(trx ?? options.db, name, payload, rest);
    },
    retryFailed: (id, retryOptions = {}) => queue.retryFailed(retryOptions.trx ?? options.db, id),
  };
  return {
    name: options.name,
    db,
    inTransaction: (work) => (db.isTransaction ? work(db) : db.transaction().execute(work)),
    clock,
    today: () => clock.today(),
    audit,
    access,
    // The module sees the ports it requires by name; the registry is read when a port is used.
    ports: options.ports as Ports,
    jobs,
    log,
    bind: (other) => createModuleContext<Tables, Ports>({ ...options, db: other }),
  };
}
