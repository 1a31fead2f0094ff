/**
 * The SQL of the Open311 reads: (db, args) -> rows, no rules. Only columns that say what
 * happened to a case and what it is about (its description, place and picture) are read:
 * never the applicant's name, phone, e-mail, person details or answers, so that no public
 * answer can carry them by mistake.
 */
import { sql } from 'kysely';
import type { GazetteerPort } from '../../gazetteer/index.ts';
import type { FeeTier, ServicesDb } from '../index.ts';

export interface RequestFilter {
  trackingNumbers?: string[];
  serviceCodes?: string[];
  /** 'open': not closed; 'closed': closed. */
  status?: 'open' | 'closed';
  /** The units of the jurisdiction's subtree (the gazetteer port's subtreeCodesQuery). */
  inJurisdiction?: ReturnType<GazetteerPort['subtreeCodesQuery']>;
  /** requested_datetime (filed_at) from and to, inclusive. */
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

/** Requests newest first, filtered; the public columns only. */
export function selectRequests(db: ServicesDb, filter: RequestFilter) {
  let query = db
    .selectFrom('services_application as a')
    .select([
      'a.id',
      'a.tracking_number',
      'a.status',
      'a.service_code',
      'a.unit_code',
      'a.standard_version_id',
      'a.filed_at',
      'a.status_changed_at',
      'a.due_date',
      'a.description',
      'a.location_lat',
      'a.location_long',
      'a.address_string',
      'a.address_id',
      'a.media_url',
    ]);
  if (filter.trackingNumbers !== undefined) {
    if (filter.trackingNumbers.length === 0) return query.where(sql<boolean>`false`).limit(0);
    query = query.where('a.tracking_number', 'in', filter.trackingNumbers);
  }
  if (filter.serviceCodes !== undefined) query = query.where('a.service_code', 'in', filter.serviceCodes);
  if (filter.status === 'open') query = query.where('a.status', '<>', 'closed');
  if (filter.status === 'closed') query = query.where('a.status', '=', 'closed');
  if (filter.inJurisdiction !== undefined) query = query.where('a.unit_code', 'in', filter.inJurisdiction);
  if (filter.from !== undefined) query = query.where('a.filed_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('a.filed_at', '<=', filter.to);
  return query
    .orderBy('a.filed_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset);
}

export type RequestRow = Awaited<ReturnType<ReturnType<typeof selectRequests>['execute']>>[number];

export interface VersionFacts {
  id: number;
  name_km: string;
  name_en: string;
  time_limit_days: number;
  fee_tiers: FeeTier[];
}

/** What the answers say of each standard version the requests were filed under. */
export async function selectVersionFacts(db: ServicesDb, ids: number[]): Promise<VersionFacts[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('services_standard_version')
    .select(['id', 'name_km', 'name_en', 'time_limit_days', 'fee_tiers'])
    .where('id', 'in', ids)
    .execute();
}

/** The standards in their current version; only those offered at `unitCode` on `day` when given. */
export function selectServices(db: ServicesDb, offeredAt?: { unitCode: string; day: string }) {
  let query = db
    .selectFrom('services_standard as s')
    .innerJoin('services_standard_version as v', (join) =>
      join.onRef('v.standard_id', '=', 's.id').onRef('v.version', '=', 's.current_version'),
    )
    .select([
      's.code',
      'v.sector',
      'v.provider_tier',
      'v.name_km',
      'v.name_en',
      'v.description_km',
      'v.description_en',
      'v.form_fields',
    ])
    .orderBy('s.code');
  if (offeredAt !== undefined) {
    const { unitCode, day } = offeredAt;
    query = query.where((eb) =>
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
  return query.execute();
}
