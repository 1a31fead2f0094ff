/** Kysely functions over the catalogue tables: (db, args) -> rows, no rules. */
import { sql, type Insertable, type Selectable } from 'kysely';
import type {
  ProviderTier,
  ServicesDb,
  ServicesOfferingTable,
  ServicesStandardTable,
  ServicesStandardVersionTable,
} from './services.tables.ts';
import { jsonb } from './transactions.ts';

export type StandardRow = Selectable<ServicesStandardTable>;
export type VersionRow = Selectable<ServicesStandardVersionTable>;
export type OfferingRow = Selectable<ServicesOfferingTable>;

/** A standard with one of its versions (columns of the version, plus the standard's). */
export type StandardVersionRow = VersionRow & {
  code: string;
  owner_unit_code: string | null;
  current_version: number;
};

const versionColumns = [
  'v.id',
  'v.standard_id',
  'v.version',
  'v.sector',
  'v.name_km',
  'v.name_en',
  'v.description_km',
  'v.description_en',
  'v.legal_basis',
  'v.provider_tier',
  'v.time_limit_days',
  'v.fee_tiers',
  'v.required_documents',
  'v.form_fields',
  'v.search_km',
  'v.search_latin',
  'v.source',
  'v.is_example',
  'v.created_by',
  'v.created_at',
  's.code',
  's.owner_unit_code',
  's.current_version',
] as const;

/** The standards joined to their current version, for lists and filters. */
export function selectCurrentStandards(db: ServicesDb) {
  return db
    .selectFrom('services_standard as s')
    .innerJoin('services_standard_version as v', (join) =>
      join.onRef('v.standard_id', '=', 's.id').onRef('v.version', '=', 's.current_version'),
    )
    .select(versionColumns);
}

export interface StandardFilters {
  sector?: string;
  providerTier?: ProviderTier;
  /** Only standards offered at this unit on this day. */
  offeredAt?: { unitCode: string; day: string };
  /** A LIKE pattern on the normalised names of one script. */
  search?: { script: 'khmer' | 'latin'; pattern: string };
}

/** The catalogue's list: current versions, filtered, for fetchPage. */
export function selectStandardPage(db: ServicesDb, filters: StandardFilters) {
  let select = selectCurrentStandards(db);
  if (filters.sector !== undefined) select = select.where('v.sector', '=', filters.sector);
  if (filters.providerTier !== undefined) select = select.where('v.provider_tier', '=', filters.providerTier);
  const offeredAt = filters.offeredAt;
  if (offeredAt !== undefined) {
    const { unitCode, day } = offeredAt;
    select = select.where((eb) =>
      eb.exists(
        eb
          .selectFrom('services_offering as o')
          .select('o.id')
          .whereRef('o.standard_id', '=', 's.id')
          .where('o.unit_code', '=', unitCode)
          .where('o.valid_from', '<=', day)
          .where((inner) => inner.or([inner('o.valid_to', 'is', null), inner('o.valid_to', '>=', day)])),
      ),
    );
  }
  if (filters.search !== undefined) {
    select = select.where(
      filters.search.script === 'khmer' ? 'v.search_km' : 'v.search_latin',
      'like',
      filters.search.pattern,
    );
  }
  return select;
}

export async function findStandardVersion(
  db: ServicesDb,
  code: string,
  version?: number,
): Promise<StandardVersionRow | undefined> {
  const query = db
    .selectFrom('services_standard as s')
    .innerJoin('services_standard_version as v', 'v.standard_id', 's.id')
    .select(versionColumns)
    .where('s.code', '=', code);
  return version === undefined
    ? query.whereRef('v.version', '=', 's.current_version').executeTakeFirst()
    : query.where('v.version', '=', version).executeTakeFirst();
}

export async function findVersionById(db: ServicesDb, id: number): Promise<StandardVersionRow | undefined> {
  return db
    .selectFrom('services_standard as s')
    .innerJoin('services_standard_version as v', 'v.standard_id', 's.id')
    .select(versionColumns)
    .where('v.id', '=', id)
    .executeTakeFirst();
}

export async function findStandardByCode(db: ServicesDb, code: string): Promise<StandardRow | undefined> {
  return db.selectFrom('services_standard').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertStandard(
  db: ServicesDb,
  values: { code: string; owner_unit_code: string | null; is_example?: boolean },
): Promise<StandardRow | undefined> {
  return db
    .insertInto('services_standard')
    .values(values)
    .onConflict((conflict) => conflict.column('code').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export type VersionValues = Omit<
  Insertable<ServicesStandardVersionTable>,
  'fee_tiers' | 'required_documents' | 'form_fields'
> &
  Pick<VersionRow, 'fee_tiers' | 'required_documents' | 'form_fields'>;

export async function insertVersion(db: ServicesDb, values: VersionValues): Promise<VersionRow> {
  return db
    .insertInto('services_standard_version')
    .values({
      ...values,
      fee_tiers: jsonb(values.fee_tiers),
      required_documents: jsonb(values.required_documents),
      form_fields: jsonb(values.form_fields),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setCurrentVersion(db: ServicesDb, standardId: number, version: number): Promise<void> {
  await db
    .updateTable('services_standard')
    .set({ current_version: version, updated_at: sql`now()` })
    .where('id', '=', standardId)
    .execute();
}

/** Locks the standard's row so that two edits at once make versions n+1 and n+2, not two n+1. */
export async function lockStandard(db: ServicesDb, code: string): Promise<StandardRow | undefined> {
  return db
    .selectFrom('services_standard')
    .selectAll()
    .where('code', '=', code)
    .forUpdate()
    .executeTakeFirst();
}

export async function selectVersions(db: ServicesDb, standardId: number, page: number, pageSize: number) {
  const base = db.selectFrom('services_standard_version').where('standard_id', '=', standardId);
  const [rows, counted] = await Promise.all([
    base
      .select(['version', 'name_km', 'name_en', 'time_limit_days', 'created_at', 'created_by'])
      .orderBy('version', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirst(),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

// ------------------------------------------------------------------ offerings

export async function selectOfferings(db: ServicesDb, standardIds: number[]): Promise<OfferingRow[]> {
  if (standardIds.length === 0) return [];
  return db
    .selectFrom('services_offering')
    .selectAll()
    .where('standard_id', 'in', standardIds)
    .orderBy('unit_code')
    .orderBy('valid_from')
    .orderBy('id')
    .execute();
}

export async function findOffering(db: ServicesDb, id: number): Promise<OfferingRow | undefined> {
  return db.selectFrom('services_offering').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Offerings of the standard at the unit whose days overlap [from, to] (to null = open). */
export async function findOverlappingOffering(
  db: ServicesDb,
  args: { standardId: number; unitCode: string; from: string; to: string | null; exceptId?: number },
): Promise<OfferingRow | undefined> {
  let query = db
    .selectFrom('services_offering')
    .selectAll()
    .where('standard_id', '=', args.standardId)
    .where('unit_code', '=', args.unitCode)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', args.from)]));
  if (args.to !== null) query = query.where('valid_from', '<=', args.to);
  if (args.exceptId !== undefined) query = query.where('id', '<>', args.exceptId);
  return query.executeTakeFirst();
}

export async function insertOffering(
  db: ServicesDb,
  values: Insertable<ServicesOfferingTable>,
): Promise<OfferingRow> {
  return db.insertInto('services_offering').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateOfferingRow(
  db: ServicesDb,
  id: number,
  values: { valid_from?: string; valid_to?: string | null },
): Promise<OfferingRow> {
  return db
    .updateTable('services_offering')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

// Filing reads the offered version on every application; it is reference data that changes a
// few times a year, so each process remembers it for OFFERED_TTL_MS per (code, unit, day).
// A write through standards.service.ts forgets everything at once (forgetOfferedVersions);
// another process sees it within the TTL — as if those filings had arrived a few seconds
// earlier. Reads inside a transaction (the demo seed) always go to the database.
const OFFERED_TTL_MS = 5_000;
const OFFERED_MAX_ENTRIES = 10_000;
type OfferedVersion = (StandardVersionRow & { offered: boolean }) | undefined;
interface OfferedEntry {
  at: number;
  generation: number;
  row: Promise<OfferedVersion>;
}
const offeredCache = new WeakMap<object, Map<string, OfferedEntry>>();
let offeredGeneration = 0;

/** Forgets the remembered offered versions (after a standard or an offering changes). */
export function forgetOfferedVersions(): void {
  offeredGeneration += 1;
}

/** findOfferedVersion, remembered for a few seconds (see above): the filing path's read. */
export function findOfferedVersionCached(
  db: ServicesDb,
  code: string,
  unitCode: string,
  day: string,
): Promise<OfferedVersion> {
  if (db.isTransaction) return findOfferedVersion(db, code, unitCode, day);
  let entries = offeredCache.get(db);
  if (!entries) offeredCache.set(db, (entries = new Map<string, OfferedEntry>()));
  const key = `${code}\u0000${unitCode}\u0000${day}`;
  const now = Date.now();
  const cached = entries.get(key);
  if (cached && cached.generation === offeredGeneration && now - cached.at < OFFERED_TTL_MS)
    return cached.row;
  if (entries.size >= OFFERED_MAX_ENTRIES) entries.clear();
  const row = findOfferedVersion(db, code, unitCode, day);
  const entry = { at: now, generation: offeredGeneration, row };
  entries.set(key, entry);
  // A failed read is not remembered.
  row.catch(() => entries.get(key) === entry && entries.delete(key));
  return row;
}

/** The standard's current version, if it is offered at the unit on the day (for filing). */
export async function findOfferedVersion(
  db: ServicesDb,
  code: string,
  unitCode: string,
  day: string,
): Promise<(StandardVersionRow & { offered: boolean }) | undefined> {
  return db
    .selectFrom('services_standard as s')
    .innerJoin('services_standard_version as v', (join) =>
      join.onRef('v.standard_id', '=', 's.id').onRef('v.version', '=', 's.current_version'),
    )
    .select(versionColumns)
    .select(
      sql<boolean>`exists (select 1 from services_offering o where o.standard_id = s.id
        and o.unit_code = ${unitCode} and o.valid_from <= ${day}
        and (o.valid_to is null or o.valid_to >= ${day}))`.as('offered'),
    )
    .where('s.code', '=', code)
    .executeTakeFirst();
}
