/**
 * What a module's command-line entry is handed by api/src/cli/: a way to open the database,
 * prepared (migrated, reference data synchronised, no demo data). A module never builds the
 * platform itself (it would have to know every module: only the composition root does), so the
 * entry in cli/ opens it and the module's command uses it.
 */
import type { Kysely } from 'kysely';

export interface OpenedDatabase {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each module views it through its own tables.
  kysely: Kysely<any>;
  close(): Promise<void>;
}

export type OpenDatabase = () => Promise<OpenedDatabase>;
