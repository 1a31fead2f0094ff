/**
 * PGlite behind the small "pool" interface that Kysely's PostgresDialect expects from `pg`.
 *
 * PGlite is one PostgreSQL backend in this process: it has exactly one session. Two requests
 * that interleave their statements would share a transaction, so the pool hands out its single
 * connection to one caller at a time (a FIFO mutex) and Kysely's transactions stay isolated.
 * We write this adapter ourselves (about forty lines) because the published Kysely dialect for
 * PGlite does not support the PGlite release we use; see docs/adr/0002.
 */
import type { PGlite } from '@electric-sql/pglite';

interface PgLikeResult {
  rows: unknown[];
  rowCount: number | null;
  command: string;
}

export interface PgLikeClient {
  query(sql: string, parameters: readonly unknown[]): Promise<PgLikeResult>;
  release(): void;
}

// Kysely reports affected rows only for these commands; PGlite does not name the command,
// so we read it from the statement (a leading WITH can precede any of them).
const COMMAND = /^\s*(?:with\b[\s\S]*?\)\s*)?(insert|update|delete|merge|select)\b/i;

export class PGlitePool {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly pglite: PGlite) {}

  async connect(): Promise<PgLikeClient> {
    let release!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    let released = false;
    return {
      query: async (sql, parameters) => {
        // Like `pg`, run a statement without parameters through the simple protocol, which
        // accepts several statements at once (migrations are whole files).
        const result =
          parameters.length === 0
            ? ((await this.pglite.exec(sql)).at(-1) ?? { rows: [], affectedRows: 0 })
            : await this.pglite.query(sql, parameters as unknown[]);
        const command = COMMAND.exec(sql)?.[1]?.toUpperCase() ?? 'OTHER';
        return { rows: result.rows, rowCount: result.affectedRows ?? null, command };
      },
      release: () => {
        if (released) return;
        released = true;
        release();
      },
    };
  }

  async end(): Promise<void> {
    // The owner of the PGlite instance closes it (after the lock on its folder is released).
  }
}
