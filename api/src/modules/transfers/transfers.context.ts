/**
 * What the transfers services are given: the module context over its own tables, with the
 * ports it requires (the gazetteer's tree, the budgets' revenue lines). Every service is
 * `(ctx: TransfersContext, actor, input)`; its SQL is in the `*.queries.ts` beside it.
 */
import type { Kysely } from 'kysely';
import type { ModuleContext } from '../../platform/context.ts';
import type { PortsOf } from '../../platform/ports.ts';
import type { TransfersTables } from './transfers.tables.ts';

export type TransfersContext = ModuleContext<TransfersTables, PortsOf<'gazetteer' | 'budgets'>>;

/** The module's database handle, or a transaction of it: the first argument of every query. */
export type TransfersDb = Kysely<TransfersTables>;

/** Rows written per insert statement. */
export const BATCH = 500;
