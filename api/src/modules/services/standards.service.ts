/**
 * The catalogue's rules: service standards and their versions, and where each is offered.
 * A standard is never edited in place: `reviseStandard` writes version n+1, so that every
 * application keeps the standard it was filed under. Every change runs in one transaction
 * with its audit record.
 */
import type { Kysely } from 'kysely';
import type { AuditActor } from '../../platform/audit/audit-context.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { fetchPage, type PageResult } from '../../platform/http/paging.ts';
import {
  getUnit,
  normaliseKhmer,
  normaliseLatin,
  queryScript,
  type GazetteerTables,
} from '../gazetteer/index.ts';
import { checkFormFields } from './form-fields.ts';
import type {
  CreateOfferingBody,
  CreateStandardBody,
  Offering,
  ReviseStandardBody,
  Standard,
  StandardListQuery,
  UpdateOfferingBody,
} from './standards.schemas.ts';
import {
  findOffering,
  findOverlappingOffering,
  findStandardByCode,
  findStandardVersion,
  forgetOfferedVersions,
  insertOffering,
  insertStandard,
  insertVersion,
  lockStandard,
  selectCurrentStandards,
  selectOfferings,
  selectVersions,
  setCurrentVersion,
  updateOfferingRow,
  type OfferingRow,
  type StandardVersionRow,
} from './standards.queries.ts';
import { fail } from './services.errors.ts';
import { TIER_LEVEL, type ProviderTier, type ServicesDb } from './services.tables.ts';
import { inTransaction } from './transactions.ts';
import { todayInCambodia } from './working-days.ts';

const gazetteerDb = (db: ServicesDb) => db as unknown as Kysely<GazetteerTables>;

export const standardNotFound = (code: string) => fail('services.standard.not_found', code);

// ------------------------------------------------------------------ answers

export function toOffering(row: OfferingRow, today = todayInCambodia()): Offering {
  return {
    id: row.id,
    unitCode: row.unit_code,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    isCurrent: row.valid_from <= today && (row.valid_to === null || row.valid_to >= today),
    isExample: row.is_example,
  };
}

export function toStandard(row: StandardVersionRow, offerings: OfferingRow[]): Standard {
  const today = todayInCambodia();
  return {
    code: row.code,
    version: row.version,
    currentVersion: row.current_version,
    ownerUnitCode: row.owner_unit_code,
    sector: row.sector,
    nameKm: row.name_km,
    nameEn: row.name_en,
    descriptionKm: row.description_km,
    descriptionEn: row.description_en,
    legalBasis: row.legal_basis,
    providerTier: row.provider_tier,
    timeLimitDays: row.time_limit_days,
    feeTiers: row.fee_tiers,
    requiredDocuments: row.required_documents,
    formFields: row.form_fields.map((field) => ({ ...field, values: field.values ?? [] })),
    source: row.source,
    isExample: row.is_example,
    versionCreatedAt: row.created_at,
    offerings: offerings.map((offering) => toOffering(offering, today)),
  };
}

/** What the audit trail keeps of a version: its content, without search keys and timestamps. */
function auditedVersion(
  row: StandardVersionRow | Omit<StandardVersionRow, 'code' | 'owner_unit_code' | 'current_version'>,
) {
  const { search_km: _km, search_latin: _latin, created_at: _at, id: _id, ...rest } = row;
  return rest;
}

// ------------------------------------------------------------------ reading

/** One standard, in its current version or the version asked for; 404 services.standard.not_found. */
export async function getStandard(db: ServicesDb, code: string, version?: number): Promise<Standard> {
  const row = await findStandardVersion(db, code, version);
  if (!row) {
    if (version !== undefined && (await findStandardByCode(db, code))) {
      throw fail('services.standard.version_not_found', `${code} v${version}`);
    }
    throw standardNotFound(code);
  }
  return toStandard(row, await selectOfferings(db, [row.standard_id]));
}

const SORT_COLUMNS: Record<string, string> = {
  code: 's.code',
  nameEn: 'v.name_en',
  nameKm: 'v.name_km',
  sector: 'v.sector',
  timeLimitDays: 'v.time_limit_days',
};

/** Escapes LIKE's wildcards so that a typed % or _ is matched as itself. */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

export async function listStandards(db: ServicesDb, query: StandardListQuery): Promise<PageResult<Standard>> {
  let select = selectCurrentStandards(db);
  if (query.sector !== undefined) select = select.where('v.sector', '=', query.sector);
  if (query.providerTier !== undefined) select = select.where('v.provider_tier', '=', query.providerTier);
  if (query.unitCode !== undefined) {
    const day = query.onDate ?? todayInCambodia();
    const unit = query.unitCode;
    select = select.where((eb) =>
      eb.exists(
        eb
          .selectFrom('services_offering as o')
          .select('o.id')
          .whereRef('o.standard_id', '=', 's.id')
          .where('o.unit_code', '=', unit)
          .where('o.valid_from', '<=', day)
          .where((inner) => inner.or([inner('o.valid_to', 'is', null), inner('o.valid_to', '>=', day)])),
      ),
    );
  }
  if (query.q !== undefined) {
    const words = query.q.trim();
    const khmer = queryScript(words) === 'khmer';
    const key = khmer ? normaliseKhmer(words) : normaliseLatin(words);
    // Punctuation alone leaves no key: it matches nothing rather than everything.
    select = select.where(
      khmer ? 'v.search_km' : 'v.search_latin',
      'like',
      key === '' ? '' : `%${likeEscape(key)}%`,
    );
  }
  const page = await fetchPage(select, {
    page: query.page,
    pageSize: query.pageSize,
    sort: query.sort,
    columns: SORT_COLUMNS,
    tieBreak: 's.id',
  });
  // A national service is offered at some 1,650 communes: a list shows only the offerings at
  // the unit it was asked about (GET one standard shows them all).
  const offerings =
    query.unitCode === undefined
      ? []
      : (
          await selectOfferings(
            db,
            page.items.map((row) => row.standard_id),
          )
        ).filter((offering) => offering.unit_code === query.unitCode);
  return {
    ...page,
    items: page.items.map((row) =>
      toStandard(
        row,
        offerings.filter((offering) => offering.standard_id === row.standard_id),
      ),
    ),
  };
}

export async function listVersions(db: ServicesDb, code: string, page: number, pageSize: number) {
  const standard = await findStandardByCode(db, code);
  if (!standard) throw standardNotFound(code);
  const { rows, total } = await selectVersions(db, standard.id, page, pageSize);
  return {
    items: rows.map((row) => ({
      version: row.version,
      nameKm: row.name_km,
      nameEn: row.name_en,
      timeLimitDays: row.time_limit_days,
      createdAt: row.created_at,
      createdBy: row.created_by,
    })),
    page,
    pageSize,
    total,
  };
}

// ------------------------------------------------------------------ access locators

/** The unit whose officers (and those above) manage the standard; null: the national catalogue. */
export async function unitOfStandard(db: ServicesDb, code: string): Promise<string | null> {
  const standard = await findStandardByCode(db, code);
  if (!standard) throw standardNotFound(code);
  return standard.owner_unit_code;
}

export async function unitOfOffering(db: ServicesDb, id: number): Promise<string> {
  const offering = await findOffering(db, id);
  if (!offering) throw fail('services.offering.not_found');
  return offering.unit_code;
}

// ------------------------------------------------------------------ writing

type StandardContent = ReviseStandardBody;

function checkContent(content: StandardContent) {
  const feeCodes = new Set<string>();
  for (const tier of content.feeTiers) {
    if (feeCodes.has(tier.code)) throw fail('services.standard.duplicate_fee_tier', tier.code);
    feeCodes.add(tier.code);
  }
  const fields = checkFormFields(
    content.formFields.map((field) => ({ ...field, variable: field.variable ?? true })),
  );
  return { fields };
}

function versionValues(
  code: string,
  standardId: number,
  version: number,
  content: StandardContent,
  createdBy: number | null,
  isExample: boolean,
) {
  const { fields } = checkContent(content);
  return {
    standard_id: standardId,
    version,
    sector: content.sector,
    name_km: content.nameKm.trim(),
    name_en: content.nameEn.trim(),
    description_km: content.descriptionKm?.trim() ?? '',
    description_en: content.descriptionEn?.trim() ?? '',
    legal_basis: content.legalBasis.trim(),
    provider_tier: content.providerTier,
    time_limit_days: content.timeLimitDays,
    fee_tiers: content.feeTiers.map((tier) => ({
      ...tier,
      labelKm: tier.labelKm.trim(),
      labelEn: tier.labelEn.trim(),
    })),
    required_documents: content.requiredDocuments,
    form_fields: fields.map((field) => ({
      ...field,
      datatypeDescriptionKm: field.datatypeDescriptionKm ?? null,
      datatypeDescriptionEn: field.datatypeDescriptionEn ?? null,
      values: field.values ?? [],
    })),
    search_km: normaliseKhmer(content.nameKm),
    search_latin: `${normaliseLatin(content.nameEn)} ${normaliseLatin(code)}`,
    source: content.source?.trim() || null,
    is_example: isExample,
    created_by: createdBy,
  };
}

async function checkOwner(db: ServicesDb, ownerUnitCode: string | null) {
  if (ownerUnitCode === null) return;
  const unit = await getUnit(gazetteerDb(db), ownerUnitCode).catch(() => {
    throw fail('services.unit.unknown', { title: `No administrative unit has the code ${ownerUnitCode}.` });
  });
  if (unit.level > 3) throw fail('services.standard.bad_owner');
}

export interface Writer {
  audit: AuditActor;
  userId: number | null;
}

export async function createStandard(
  db: ServicesDb,
  writer: Writer,
  body: CreateStandardBody,
  options: { isExample?: boolean } = {},
): Promise<Standard> {
  const owner = body.ownerUnitCode ?? null;
  await checkOwner(db, owner);
  const values = (standardId: number) =>
    versionValues(body.code, standardId, 1, body, writer.userId, options.isExample ?? false);
  values(0); // every check before the transaction starts
  const code = await inTransaction(db, async (trx) => {
    const standard = await insertStandard(trx, {
      code: body.code,
      owner_unit_code: owner,
      is_example: options.isExample ?? false,
    });
    if (!standard) throw fail('services.standard.duplicate_code', body.code);
    const version = await insertVersion(trx, values(standard.id));
    await writeAudit(trx, {
      ...writer.audit,
      action: 'services.standard.create',
      entityType: 'services.standard',
      entityId: standard.code,
      unitCode: owner,
      after: { code: standard.code, ownerUnitCode: owner, ...auditedVersion(version) },
    });
    return standard.code;
  });
  forgetOfferedVersions();
  return getStandard(db, code);
}

/** Writes the next version of a standard; the previous versions stay as they were. */
export async function reviseStandard(
  db: ServicesDb,
  writer: Writer,
  code: string,
  body: ReviseStandardBody,
): Promise<Standard> {
  versionValues(code, 0, 1, body, null, false); // every check before the transaction starts
  await inTransaction(db, async (trx) => {
    const standard = await lockStandard(trx, code);
    if (!standard) throw standardNotFound(code);
    const before = await findStandardVersion(trx, code);
    if (
      before &&
      before.provider_tier !== body.providerTier &&
      (await selectOfferings(trx, [standard.id])).length > 0
    ) {
      throw fail('services.standard.tier_in_use');
    }
    const next = standard.current_version + 1;
    const version = await insertVersion(
      trx,
      versionValues(code, standard.id, next, body, writer.userId, standard.is_example),
    );
    await setCurrentVersion(trx, standard.id, next);
    await writeAudit(trx, {
      ...writer.audit,
      action: 'services.standard.revise',
      entityType: 'services.standard',
      entityId: code,
      unitCode: standard.owner_unit_code,
      before: before ? auditedVersion(before) : null,
      after: auditedVersion(version),
    });
  });
  forgetOfferedVersions();
  return getStandard(db, code);
}

async function checkOfferingUnit(db: ServicesDb, unitCode: string, tier: ProviderTier) {
  const unit = await getUnit(gazetteerDb(db), unitCode).catch(() => {
    throw fail('services.unit.unknown', { title: `No administrative unit has the code ${unitCode}.` });
  });
  if (unit.level !== TIER_LEVEL[tier]) {
    throw fail('services.offering.wrong_tier', {
      title: `This service is provided by the ${tier} tier; ${unitCode} is not a unit of that tier.`,
    });
  }
}

export async function addOffering(
  db: ServicesDb,
  writer: Writer,
  code: string,
  body: CreateOfferingBody,
  options: { isExample?: boolean } = {},
): Promise<Standard> {
  const validTo = body.validTo ?? null;
  if (validTo !== null && validTo < body.validFrom) {
    throw fail('services.offering.end_before_start');
  }
  await inTransaction(db, async (trx) => {
    const standard = await lockStandard(trx, code);
    if (!standard) throw standardNotFound(code);
    const current = await findStandardVersion(trx, code);
    await checkOfferingUnit(trx, body.unitCode, current!.provider_tier);
    const overlap = await findOverlappingOffering(trx, {
      standardId: standard.id,
      unitCode: body.unitCode,
      from: body.validFrom,
      to: validTo,
    });
    if (overlap) {
      throw fail('services.offering.overlap', `Offering ${overlap.id}.`);
    }
    const row = await insertOffering(trx, {
      standard_id: standard.id,
      unit_code: body.unitCode,
      valid_from: body.validFrom,
      valid_to: validTo,
      is_example: options.isExample ?? false,
    });
    await writeAudit(trx, {
      ...writer.audit,
      action: 'services.offering.create',
      entityType: 'services.offering',
      entityId: String(row.id),
      unitCode: row.unit_code,
      after: { serviceCode: code, unitCode: row.unit_code, validFrom: row.valid_from, validTo: row.valid_to },
    });
  });
  forgetOfferedVersions();
  return getStandard(db, code);
}

/** Changes an offering's days (validTo: the last day it is offered; offerings are never deleted). */
export async function updateOffering(
  db: ServicesDb,
  writer: Writer,
  id: number,
  body: UpdateOfferingBody,
): Promise<Offering> {
  const offering = await inTransaction(db, async (trx) => {
    const before = await findOffering(trx, id);
    if (!before) throw fail('services.offering.not_found');
    const validFrom = body.validFrom ?? before.valid_from;
    const validTo = body.validTo !== undefined ? body.validTo : before.valid_to;
    if (validTo !== null && validTo < validFrom) {
      throw fail('services.offering.end_before_start');
    }
    const overlap = await findOverlappingOffering(trx, {
      standardId: before.standard_id,
      unitCode: before.unit_code,
      from: validFrom,
      to: validTo,
      exceptId: id,
    });
    if (overlap) {
      throw fail('services.offering.overlap', `Offering ${overlap.id}.`);
    }
    const after = await updateOfferingRow(trx, id, { valid_from: validFrom, valid_to: validTo });
    await writeAudit(trx, {
      ...writer.audit,
      action: 'services.offering.update',
      entityType: 'services.offering',
      entityId: String(id),
      unitCode: after.unit_code,
      before: { validFrom: before.valid_from, validTo: before.valid_to },
      after: { validFrom: after.valid_from, validTo: after.valid_to },
    });
    return toOffering(after);
  });
  forgetOfferedVersions();
  return offering;
}
