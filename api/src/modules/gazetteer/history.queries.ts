/** Kysely functions over the tree's history (versions and events): (db, args) -> rows, no rules. */
import { sql } from 'kysely';
import type { GazetteerDb } from './gazetteer.queries.ts';
import type { ChangesQuery } from './gazetteer.schemas.ts';
import type { GazetteerEventKind, GazetteerUnitVersionTable } from './gazetteer.tables.ts';

const EVENT_COLUMNS = [
  'gazetteer_unit_event.id',
  'gazetteer_unit_event.unit_code as unitCode',
  'gazetteer_unit.name_km as unitNameKm',
  'gazetteer_unit.name_latin as unitNameLatin',
  'gazetteer_unit_event.kind',
  'gazetteer_unit_event.effective_date as effectiveDate',
  'gazetteer_unit_event.legal_reference as legalReference',
  'gazetteer_unit_event.before',
  'gazetteer_unit_event.after',
  'gazetteer_unit_event.related_codes as relatedCodes',
  'gazetteer_unit_event.note',
  'gazetteer_unit_event.import_id as importId',
  'gazetteer_unit_event.recorded_at as recordedAt',
] as const;

function eventsWithUnit(db: GazetteerDb) {
  return db
    .selectFrom('gazetteer_unit_event')
    .innerJoin('gazetteer_unit', 'gazetteer_unit.code', 'gazetteer_unit_event.unit_code');
}

/** One page of a unit's events, newest first; events without a date (known since before our records) last. */
export async function selectUnitEvents(db: GazetteerDb, code: string, page: number, pageSize: number) {
  const [items, counted] = await Promise.all([
    eventsWithUnit(db)
      .select(EVENT_COLUMNS)
      .where('gazetteer_unit_event.unit_code', '=', code)
      .orderBy(sql`gazetteer_unit_event.effective_date desc nulls last`)
      .orderBy('gazetteer_unit_event.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db
      .selectFrom('gazetteer_unit_event')
      .select(sql<number>`count(*)::int`.as('total'))
      .where('unit_code', '=', code)
      .executeTakeFirst(),
  ]);
  return { items, total: counted?.total ?? 0 };
}

/** Events that took effect in [from, to], filtered; for fetchPage (which adds the order and the page). */
export function selectChanges(
  db: GazetteerDb,
  filters: Pick<ChangesQuery, 'from' | 'to' | 'kind' | 'within'>,
) {
  let query = eventsWithUnit(db)
    .select(EVENT_COLUMNS)
    .where('gazetteer_unit_event.effective_date', '>=', filters.from)
    .where('gazetteer_unit_event.effective_date', '<=', filters.to);
  if (filters.kind !== undefined) query = query.where('gazetteer_unit_event.kind', '=', filters.kind);
  if (filters.within !== undefined) {
    // The unit itself and everything below it today: an abolished unit keeps its closure rows,
    // so its past changes still count within its old parent.
    const within = filters.within;
    query = query.where('gazetteer_unit_event.unit_code', 'in', (eb) =>
      eb.selectFrom('gazetteer_unit_closure').select('descendant_code').where('ancestor_code', '=', within),
    );
  }
  return query;
}

/** The unit's row, locked until the transaction ends, so that two edits of one unit take turns. */
export function lockUnit(trx: GazetteerDb, code: string) {
  return trx
    .selectFrom('gazetteer_unit')
    .select([
      'code',
      'parent_code',
      'type_code',
      'name_km',
      'name_latin',
      'is_urban',
      'legal_reference',
      'valid_from',
      'valid_to',
    ])
    .where('code', '=', code)
    .forUpdate()
    .executeTakeFirst();
}

/** The unit's open version (valid_to null), locked; at most one exists (a partial unique index). */
export function lockOpenVersion(trx: GazetteerDb, code: string) {
  return trx
    .selectFrom('gazetteer_unit_version')
    .selectAll()
    .where('code', '=', code)
    .where('valid_to', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

type VersionValues = Omit<GazetteerUnitVersionTable, 'id'>;

export async function insertVersion(trx: GazetteerDb, values: VersionValues): Promise<void> {
  await trx.insertInto('gazetteer_unit_version').values(values).execute();
}

export async function closeVersion(trx: GazetteerDb, id: number, validTo: string): Promise<void> {
  await trx.updateTable('gazetteer_unit_version').set({ valid_to: validTo }).where('id', '=', id).execute();
}

export async function updateVersion(
  trx: GazetteerDb,
  id: number,
  values: Pick<VersionValues, 'name_km' | 'name_latin' | 'is_urban' | 'legal_reference'>,
): Promise<void> {
  await trx.updateTable('gazetteer_unit_version').set(values).where('id', '=', id).execute();
}

export async function updateUnitState(
  trx: GazetteerDb,
  code: string,
  values: { name_km: string; name_latin: string; is_urban: boolean; legal_reference: string },
): Promise<void> {
  await trx
    .updateTable('gazetteer_unit')
    .set({ ...values, updated_at: sql<Date>`now()` })
    .where('code', '=', code)
    .execute();
}

export async function insertEvent(
  trx: GazetteerDb,
  event: {
    unitCode: string;
    kind: GazetteerEventKind;
    effectiveDate: string | null;
    legalReference: string | null;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    recordedBy: number | null;
    /** The other units of a merge or a split. */
    relatedCodes?: readonly string[];
    note?: string | null;
  },
): Promise<void> {
  // jsonb goes in as JSON text: the pg driver would turn a JavaScript array into a SQL array.
  const json = (value: Record<string, unknown> | null) =>
    value === null ? null : sql`${JSON.stringify(value)}::jsonb`;
  await trx
    .insertInto('gazetteer_unit_event')
    .values({
      unit_code: event.unitCode,
      kind: event.kind,
      effective_date: event.effectiveDate,
      legal_reference: event.legalReference,
      before: json(event.before),
      after: json(event.after),
      recorded_by: event.recordedBy,
      ...(event.relatedCodes === undefined || event.relatedCodes.length === 0
        ? {}
        : { related_codes: sql<string[]>`array[${sql.join(event.relatedCodes)}]::text[]` }),
      ...(event.note === undefined ? {} : { note: event.note }),
    })
    .execute();
}
