/**
 * Upkeep of the dashboard's running totals, called by the application service inside the
 * transaction of each change (filing, a status step, the fee, the rating), right after its
 * audit record: the totals commit or roll back with the change. The hooks run after
 * writeAudit on purpose: it takes the audit chain's lock, which every writer takes in turn,
 * so the rows below (the national ones are touched by every filing) never wait on each
 * other and lock in one order only. Filings come in batches (group commit): each statement
 * below sums its changes per row first, so a batch touches each row once.
 *
 * `rebuildDashboard` recomputes everything from the base tables with the same rules, in SQL
 * (services_dashboard_rebuild() in the migration), after a bulk load or to check the totals.
 */
import { sql, type Kysely } from 'kysely';
import type { ApplicationRow, FeeRow } from '../applications.queries.ts';
import { CLOCK_RUNNING } from '../applications.queries.ts';
import type { HolidayCalendar } from '../holiday-calendar.ts';
import { todayInCambodia } from '../../../platform/clock.ts';
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

interface MonthChange {
  facts: Facts;
  /** First day of the month the change counts in. */
  month: string;
  delta: MonthDelta;
}

/** The sum of several changes to one monthly row. */
interface MonthSum {
  key: [scope: string, month: string, dimension: Dimension, value: string];
  received: number;
  completed: number;
  onTime: number;
  /** {"<working days>": decisions}, as the row keeps it. */
  histogram: Record<string, number>;
  feesRiel: number;
  feePayments: number;
  ratings: number;
  ratingSum: number;
  /** Ratings of 1 to 5 stars, at index 0 to 4. */
  rated: number[];
}

/** Keys in one order, so that two writers never lock the same rows in opposite orders. */
const byKey = (a: readonly string[], b: readonly string[]) =>
  a.join('\u0000').localeCompare(b.join('\u0000'));

/**
 * Adds changes to the monthly rows of every scope and breakdown they touch. The changes are
 * summed per row first: one statement may not change a row twice, and a batch of filings
 * (see applications.service.ts) touches the national rows once for all of them.
 */
async function addToMonths(db: AnyDb, changes: readonly MonthChange[]): Promise<void> {
  const sums = new Map<string, MonthSum>();
  for (const { facts, month, delta } of changes) {
    for (const scope of scopesOf(facts.unit_code)) {
      for (const [dimension, value] of groupsOf(facts)) {
        const key: MonthSum['key'] = [scope, month, dimension, value];
        const id = key.join('\u0000');
        let sum = sums.get(id);
        if (!sum) {
          sum = {
            key,
            received: 0,
            completed: 0,
            onTime: 0,
            histogram: {},
            feesRiel: 0,
            feePayments: 0,
            ratings: 0,
            ratingSum: 0,
            rated: [0, 0, 0, 0, 0],
          };
          sums.set(id, sum);
        }
        const completed = delta.completed ?? 0;
        sum.received += delta.received ?? 0;
        sum.completed += completed;
        sum.onTime += delta.onTime ?? 0;
        if (completed > 0 && delta.days !== undefined) {
          const day = String(delta.days);
          sum.histogram[day] = (sum.histogram[day] ?? 0) + completed;
        }
        sum.feesRiel += delta.feesRiel ?? 0;
        sum.feePayments += delta.feePayments ?? 0;
        if (delta.stars) {
          sum.ratings += 1;
          sum.ratingSum += delta.stars;
          sum.rated[delta.stars - 1]! += 1;
        }
      }
    }
  }
  if (sums.size === 0) return;
  const rows = [...sums.values()]
    .sort((a, b) => byKey(a.key, b.key))
    .map(
      ({
        key: [scope, month, dimension, value],
        ...sum
      }) => sql`(${scope}, cast(${month} as date), ${dimension},
        ${value}, ${sum.received}, ${sum.completed}, ${sum.onTime}, cast(${JSON.stringify(sum.histogram)} as jsonb),
        cast(${sum.feesRiel} as bigint), ${sum.feePayments}, ${sum.ratings}, ${sum.ratingSum},
        ${sum.rated[0]}, ${sum.rated[1]}, ${sum.rated[2]}, ${sum.rated[3]}, ${sum.rated[4]})`,
    );
  await sql`
    insert into services_dashboard_month as t (scope_code, month, dimension, value, received, completed,
      on_time, days_to_decision, fees_riel, fee_payments, ratings, rating_sum,
      rated_1, rated_2, rated_3, rated_4, rated_5)
    values ${sql.join(rows)}
    on conflict (scope_code, month, dimension, value) do update set
      received = t.received + excluded.received,
      completed = t.completed + excluded.completed,
      on_time = t.on_time + excluded.on_time,
      -- The new decisions' days added to the row's histogram, day by day.
      days_to_decision = t.days_to_decision || coalesce((
        select jsonb_object_agg(added.key, coalesce((t.days_to_decision ->> added.key)::integer, 0)
          + added.value::integer)
        from jsonb_each_text(excluded.days_to_decision) as added), '{}'::jsonb),
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

/** An application whose clock starts (+1) or stops (-1) running towards a due date. */
interface OpenChange {
  facts: Facts & Pick<ApplicationRow, 'filed_on'>;
  dueDate: string;
  delta: number;
}

/** Moves open (clock-running) counts: -1 at an old due date, +1 at a new one; summed per row first. */
async function moveOpen(db: AnyDb, changes: readonly OpenChange[]): Promise<void> {
  const net = new Map<string, { key: string[]; delta: number }>();
  for (const { facts, dueDate, delta } of changes) {
    const month = monthOf(facts.filed_on);
    for (const scope of scopesOf(facts.unit_code)) {
      for (const [dimension, value] of groupsOf(facts)) {
        const key = [scope, month, dimension, value, dueDate];
        const id = key.join('\u0000');
        const entry = net.get(id) ?? { key, delta: 0 };
        entry.delta += delta;
        net.set(id, entry);
      }
    }
  }
  const rows = [...net.values()]
    .filter((entry) => entry.delta !== 0)
    .sort((a, b) => byKey(a.key, b.key))
    .map(
      ({ key: [scope, month, dimension, value, dueDate], delta }) =>
        sql`(${scope}, cast(${month} as date), ${dimension}, ${value}, cast(${dueDate} as date), ${delta})`,
    );
  if (rows.length === 0) return;
  await sql`
    insert into services_dashboard_open as t (scope_code, month, dimension, value, due_date, open_count)
    values ${sql.join(rows)}
    on conflict (scope_code, month, dimension, value, due_date) do update set
      open_count = t.open_count + excluded.open_count`.execute(db);
}

const clockRuns = (row: Pick<ApplicationRow, 'status'>) => CLOCK_RUNNING.includes(row.status);

/** New applications: received in their filing month; their clocks run towards their due dates. */
export async function dashboardOnFiled(db: AnyDb, applications: readonly ApplicationRow[]): Promise<void> {
  await addToMonths(
    db,
    applications.map((facts) => ({ facts, month: monthOf(facts.filed_on), delta: { received: 1 } })),
  );
  await moveOpen(
    db,
    applications.filter(clockRuns).map((facts) => ({ facts, dueDate: facts.due_date, delta: 1 })),
  );
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
    await addToMonths(db, [
      {
        facts: after,
        month: monthOf(after.decided_on),
        delta: {
          completed: 1,
          onTime: after.decided_on <= after.due_date ? 1 : 0,
          days: Math.max(0, elapsed - after.paused_working_days),
        },
      },
    ]);
  }
  const changes: OpenChange[] = [];
  if (clockRuns(before)) changes.push({ facts: after, dueDate: before.due_date, delta: -1 });
  if (clockRuns(after)) changes.push({ facts: after, dueDate: after.due_date, delta: 1 });
  await moveOpen(db, changes);
}

/** The fee, in the month it was paid. */
export async function dashboardOnFeePaid(
  db: AnyDb,
  application: ApplicationRow,
  fee: Pick<FeeRow, 'amount_riel' | 'paid_on'>,
): Promise<void> {
  await addToMonths(db, [
    {
      facts: application,
      month: monthOf(fee.paid_on),
      delta: { feesRiel: Number(fee.amount_riel), feePayments: 1 },
    },
  ]);
}

/** The rating, in the month (in Cambodia) it was given. */
export async function dashboardOnRated(db: AnyDb, after: ApplicationRow): Promise<void> {
  if (after.rating === null) return;
  const day = todayInCambodia(after.rated_at ?? new Date());
  await addToMonths(db, [{ facts: after, month: monthOf(day), delta: { stars: after.rating } }]);
}

/** Recomputes the totals from the base tables (one SQL function; see the migration). */
export async function rebuildDashboard(db: AnyDb): Promise<void> {
  await sql`select services_dashboard_rebuild()`.execute(db);
}
