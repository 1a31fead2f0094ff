/**
 * The catalogue's rules: service standards and their versions, and where each is offered.
 * A standard is never edited in place: `reviseStandard` writes version n+1, so that every
 * application keeps the standard it was filed under. Every change runs in one transaction
 * with its audit record.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.ts';
import { fetchPage, type PageResult } from '../../platform/http/paging.ts';
import { normaliseKhmer, normaliseLatin, queryScript, type GazetteerTables } from '../gazetteer/index.ts';
import { checkFormFields } from './form-fields.ts';
import type {
  CreateStandardBody,
  Offering,
  ReviseStandardBody,
  Standard,
  StandardListQuery,
} from './standards.schemas.ts';
import {
  findStandardByCode,
  findStandardVersion,
  forgetOfferedVersions,
  insertStandard,
  insertVersion,
  lockStandard,
  selectStandardPage,
  type StandardFilters,
  selectOfferings,
  selectVersions,
  setCurrentVersion,
  type OfferingRow,
  type StandardVersionRow,
} from './standards.queries.ts';
import { fail } from './services.errors.ts';
import type { ServicesDb } from './services.tables.ts';
import type { ServicesModuleContext } from './context.ts';

export const gazetteerDb = (db: ServicesDb) => db as unknown as Kysely<GazetteerTables>;

export const standardNotFound = (code: string) => fail('services.standard.not_found', code);

// ------------------------------------------------------------------ answers

export function toOffering(row: OfferingRow, today: string): Offering {
  return {
    id: row.id,
    unitCode: row.unit_code,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    isCurrent: row.valid_from <= today && (row.valid_to === null || row.valid_to >= today),
    isExample: row.is_example,
  };
}

export function toStandard(row: StandardVersionRow, offerings: OfferingRow[], today: string): Standard {
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
export async function getStandard(
  ctx: ServicesModuleContext,
  code: string,
  version?: number,
): Promise<Standard> {
  const { db } = ctx;
  const row = await findStandardVersion(db, code, version);
  if (!row) {
    if (version !== undefined && (await findStandardByCode(db, code))) {
      throw fail('services.standard.version_not_found', `${code} v${version}`);
    }
    throw standardNotFound(code);
  }
  return toStandard(row, await selectOfferings(db, [row.standard_id]), ctx.today());
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

export async function listStandards(
  ctx: ServicesModuleContext,
  query: StandardListQuery,
): Promise<PageResult<Standard>> {
  const { db } = ctx;
  const today = ctx.today();
  let search: StandardFilters['search'];
  if (query.q !== undefined) {
    const words = query.q.trim();
    const khmer = queryScript(words) === 'khmer';
    const key = khmer ? normaliseKhmer(words) : normaliseLatin(words);
    // Punctuation alone leaves no key: it matches nothing rather than everything.
    search = { script: khmer ? 'khmer' : 'latin', pattern: key === '' ? '' : `%${likeEscape(key)}%` };
  }
  const select = selectStandardPage(db, {
    sector: query.sector,
    providerTier: query.providerTier,
    offeredAt:
      query.unitCode === undefined ? undefined : { unitCode: query.unitCode, day: query.onDate ?? today },
    search,
  });
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
        today,
      ),
    ),
  };
}

export async function listVersions(ctx: ServicesModuleContext, code: string, page: number, pageSize: number) {
  const { db } = ctx;
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
export async function unitOfStandard(ctx: ServicesModuleContext, code: string): Promise<string | null> {
  const standard = await findStandardByCode(ctx.db, code);
  if (!standard) throw standardNotFound(code);
  return standard.owner_unit_code;
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
  // A fee per unit counts a number field of this form (copies, pages).
  for (const tier of content.feeTiers) {
    if (!tier.perUnitField) continue;
    const field = fields.find((candidate) => candidate.code === tier.perUnitField);
    if (!field || field.datatype !== 'number' || !field.variable) {
      throw fail('services.standard.bad_fee_tier', {
        title: `The fee tier "${tier.code}" counts "${tier.perUnitField}", which is not a number field of the form.`,
        detail: tier.code,
      });
    }
  }
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

async function checkOwner(ctx: ServicesModuleContext, ownerUnitCode: string | null) {
  if (ownerUnitCode === null) return;
  const unit = await ctx.ports.gazetteer.getUnit(gazetteerDb(ctx.db), ownerUnitCode).catch(() => {
    throw ctx.ports.gazetteer.unknownUnit(ownerUnitCode);
  });
  if (unit.level > 3) throw fail('services.standard.bad_owner');
}

/** Who writes: the platform's Actor. */
export type Writer = Actor;

export async function createStandard(
  ctx: ServicesModuleContext,
  writer: Actor,
  body: CreateStandardBody,
  options: { isExample?: boolean } = {},
): Promise<Standard> {
  const owner = body.ownerUnitCode ?? null;
  await checkOwner(ctx, owner);
  const values = (standardId: number) =>
    versionValues(body.code, standardId, 1, body, writer.userId, options.isExample ?? false);
  values(0); // every check before the transaction starts
  const code = await ctx.inTransaction(async (trx) => {
    const standard = await insertStandard(trx, {
      code: body.code,
      owner_unit_code: owner,
      is_example: options.isExample ?? false,
    });
    if (!standard) throw fail('services.standard.duplicate_code', body.code);
    const version = await insertVersion(trx, values(standard.id));
    await ctx.audit.write(trx, writer, {
      action: 'services.standard.create',
      entityType: 'services.standard',
      entityId: standard.code,
      unitCode: owner,
      after: { code: standard.code, ownerUnitCode: owner, ...auditedVersion(version) },
    });
    return standard.code;
  });
  forgetOfferedVersions();
  return getStandard(ctx, code);
}

/** Writes the next version of a standard; the previous versions stay as they were. */
export async function reviseStandard(
  ctx: ServicesModuleContext,
  writer: Actor,
  code: string,
  body: ReviseStandardBody,
): Promise<Standard> {
  versionValues(code, 0, 1, body, null, false); // every check before the transaction starts
  await ctx.inTransaction(async (trx) => {
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
    await ctx.audit.write(trx, writer, {
      action: 'services.standard.revise',
      entityType: 'services.standard',
      entityId: code,
      unitCode: standard.owner_unit_code,
      before: before ? auditedVersion(before) : null,
      after: auditedVersion(version),
    });
  });
  forgetOfferedVersions();
  return getStandard(ctx, code);
}
