/**
 * Upkeep of the dashboard's running totals, called by the application service inside the
 * transaction of each change (filing, a status step, the fee, the rating), right after its
 * audit record: the totals commit or roll back with the change. The hooks run after
 * writeAudit on purpose: it takes the audit chain's lock, which every writer takes in turn,
 * so the rows below (the national ones are touched by every filing) never wait on each
 * other and lock in one order only.
 *
 * `rebuildDashboard` recomputes everything from the base tables with the same rules, in SQL
 * (services_dashboard_rebuild() in the migration), after a bulk load or to check the totals.
 */
import { sql, type Kysely } from 'kysely';
import type { ApplicationRow, FeeRow } from '../applications.queries.ts';
import { CLOCK_RUNNING } from '../applications.queries.ts';
import type { HolidayCalendar } from '../calendar.service.ts';
import { todayInCambodia } from '../working-days.ts';
import type { DisabilityValue, Dimension } from './dashboard.tables.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- called with the services' or the app's database
type AnyDb = Kysely<any>;

/** The facts of an application the totals are keyed by. */
type Facts = Pick<
  ApplicationRow,
  'unit_code' | 'service_code' | 'applicant_sex' | 'applicant_age_group' | 'applicant_disability'
>;

/** The unit where filed and every unit above it (NCDD codes start with their parent's), and '' for the country. */
export function scopesOf(unitCode: string): string[] {
  const scopes = [''];
  for (let length = 2; length <= unitCode.length; length += 2) scopes.push(unitCode.slice(0, length));
  return scopes;
}

export const disabilityValue = (disability: boolean | null): DisabilityValue =>
  disability === null ? 'unknown' : disability ? 'yes' : 'no';

function groupsOf(facts: Facts): [Dimension, string][] {
  return [
    ['service', facts.service_code],
    ['sex', facts.applicant_sex],
    ['age_group', facts.applicant_age_group],
    ['disability', disabilityValue(facts.applicant_disability)],
  ];
}

/** First day of the month of a YYYY-MM-DD day. */
export const monthOf = (day: string) => `${day.slice(0, 7)}-01`;

/** What one change adds to the monthly row of each scope and breakdown. */
interface MonthDelta {
  received?: number;
  completed?: number;
  onTime?: number;
  /** Working days to the decision, with `completed`. */
  days?: number;
  feesRiel?: number;
  feePayments?: number;
  /** The stars of a new rating. */
  stars?: number;
}

/** Keys in one order, so that two writers never lock the same rows in opposite orders. */
const byKey = (a: string[], b: string[]) => a.join('\u0000').localeCompare(b.join('\u0000'));

async function addToMonth(db: AnyDb, facts: Facts, month: string, delta: MonthDelta): Promise<void> {
  const completed = delta.completed ?? 0;
  const dayKey = delta.days === undefined ? null : String(delta.days);
  const histogram = completed > 0 && dayKey !== null ? { [dayKey]: completed } : {};
  const stars = (n: number) => (delta.stars === n ? 1 : 0);
  const keys = scopesOf(facts.unit_code)
    .flatMap((scope) => groupsOf(facts).map(([dimension, value]) => [scope, dimension, value]))
    .sort(byKey);
  const rows = keys.map(
    ([scope, dimension, value]) => sql`(${scope}, cast(${month} as date), ${dimension}, ${value},
      ${delta.received ?? 0}, ${completed}, ${delta.onTime ?? 0}, cast(${JSON.stringify(histogram)} as jsonb),
      cast(${delta.feesRiel ?? 0} as bigint), ${delta.feePayments ?? 0}, ${delta.stars ? 1 : 0}, ${delta.stars ?? 0},
      ${stars(1)}, ${stars(2)}, ${stars(3)}, ${stars(4)}, ${stars(5)})`,
  );
  const histogramUpdate =
    completed > 0 && dayKey !== null
      ? sql`jsonb_set(t.days_to_decision, array[${dayKey}::text],
          to_jsonb(coalesce((t.days_to_decision ->> ${dayKey}::text)::integer, 0) + excluded.completed))`
      : sql`t.days_to_decision`;
  await sql`
    insert into services_dashboard_month as t (scope_code, month, dimension, value, received, completed,
      on_time, days_to_decision, fees_riel, fee_payments, ratings, rating_sum,
      rated_1, rated_2, rated_3, rated_4, rated_5)
    values ${sql.join(rows)}
    on conflict (scope_code, month, dimension, value) do update set
      received = t.received + excluded.received,
      completed = t.completed + excluded.completed,
      on_time = t.on_time + excluded.on_time,
      days_to_decision = ${histogramUpdate},
      fees_riel = t.fees_riel + excluded.fees_riel,
      fee_payments = t.fee_payments + excluded.fee_payments,
      ratings = t.ratings + excluded.ratings,
      rating_sum = t.rating_sum + excluded.rating_sum,
      rated_1 = t.rated_1 + excluded.rated_1,
      rated_2 = t.rated_2 + excluded.rated_2,
      rated_3 = t.rated_3 + excluded.rated_3,
      rated_4 = t.rated_4 + excluded.rated_4,
      rated_5 = t.rated_5 + excluded.rated_5`.execute(db);
}

/** Moves open (clock-running) counts: -1 at the old due date, +1 at the new one. */
async function moveOpen(
  db: AnyDb,
  facts: Facts & Pick<ApplicationRow, 'filed_on'>,
  changes: { dueDate: string; delta: number }[],
): Promise<void> {
  const net = new Map<string, number>();
  for (const change of changes) net.set(change.dueDate, (net.get(change.dueDate) ?? 0) + change.delta);
  const moves = [...net].filter(([, delta]) => delta !== 0);
  if (moves.length === 0) return;
  const month = monthOf(facts.filed_on);
  const keys = scopesOf(facts.unit_code)
    .flatMap((scope) =>
      groupsOf(facts).flatMap(([dimension, value]) =>
        moves.map(([dueDate, delta]) => [scope, dimension, value, dueDate, String(delta)]),
      ),
    )
    .sort(byKey);
  const rows = keys.map(
    ([scope, dimension, value, dueDate, delta]) =>
      sql`(${scope}, cast(${month} as date), ${dimension}, ${value}, cast(${dueDate} as date), ${Number(delta)})`,
  );
  await sql`
    insert into services_dashboard_open as t (scope_code, month, dimension, value, due_date, open_count)
    values ${sql.join(rows)}
    on conflict (scope_code, month, dimension, value, due_date) do update set
      open_count = t.open_count + excluded.open_count`.execute(db);
}

const clockRuns = (row: Pick<ApplicationRow, 'status'>) => CLOCK_RUNNING.includes(row.status);

/** A new application: received in its filing month; its clock runs towards its due date. */
export async function dashboardOnFiled(db: AnyDb, application: ApplicationRow): Promise<void> {
  await addToMonth(db, application, monthOf(application.filed_on), { received: 1 });
  if (clockRuns(application)) await moveOpen(db, application, [{ dueDate: application.due_date, delta: 1 }]);
}

/**
 * A status step. The decision (approved or rejected, the first time `decided_on` is set)
 * counts as completed in its month, on time when decided_on <= due_date, with its working
 * days: those in (filed_on, decided_on] less the days the clock stood still.
 */
export async function dashboardOnTransition(
  db: AnyDb,
  calendar: HolidayCalendar,
  before: ApplicationRow,
  after: ApplicationRow,
): Promise<void> {
  if (before.decided_on === null && after.decided_on !== null) {
    const elapsed = await calendar.workingDaysBetween(after.filed_on, after.decided_on);
    await addToMonth(db, after, monthOf(after.decided_on), {
      completed: 1,
      onTime: after.decided_on <= after.due_date ? 1 : 0,
      days: Math.max(0, elapsed - after.paused_working_days),
    });
  }
  const changes: { dueDate: string; delta: number }[] = [];
  if (clockRuns(before)) changes.push({ dueDate: before.due_date, delta: -1 });
  if (clockRuns(after)) changes.push({ dueDate: after.due_date, delta: 1 });
  await moveOpen(db, after, changes);
}

/** The fee, in the month it was paid. */
export async function dashboardOnFeePaid(
  db: AnyDb,
  application: ApplicationRow,
  fee: Pick<FeeRow, 'amount_riel' | 'paid_on'>,
): Promise<void> {
  await addToMonth(db, application, monthOf(fee.paid_on), {
    feesRiel: Number(fee.amount_riel),
    feePayments: 1,
  });
}

/** The rating, in the month (in Cambodia) it was given. */
export async function dashboardOnRated(db: AnyDb, after: ApplicationRow): Promise<void> {
  if (after.rating === null) return;
  const day = todayInCambodia(after.rated_at ?? new Date());
  await addToMonth(db, after, monthOf(day), { stars: after.rating });
}

/** Recomputes the totals from the base tables (one SQL function; see the migration). */
export async function rebuildDashboard(db: AnyDb): Promise<void> {
  await sql`select services_dashboard_rebuild()`.execute(db);
}
