/**
 * The hook through which other modules add own-source revenue that they collect themselves to
 * the budget reports. The services module (being built) will provide the fees collected for
 * public services (One Window Service Offices, civil registration, ...):
 *
 *   // in the services module
 *   export const serviceFees: OwnSourceRevenueSource = {
 *     name: 'services.fees',
 *     feesCollected: (db, unitCode, year) => sumOfFeesPaid(db, unitCode, year),
 *   };
 *
 * and the composition of the budget report will then pass it to budgetReport (see
 * report.service.ts, `options.ownSourceRevenue`). Not wired yet: until then the report's
 * `serviceFeesCollected` is null, which says "not known", never 0.
 */
import type { Kysely } from 'kysely';

export interface OwnSourceRevenueSource {
  /** Who provides the figure, e.g. 'services.fees'. */
  name: string;
  /**
   * Riel collected by the unit itself (not its subtree) in the fiscal year (the calendar year),
   * as a whole number; 0 when the unit collected nothing.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the whole schema: the source reads its own tables
  feesCollected(db: Kysely<any>, unitCode: string, year: number): Promise<number>;
}
