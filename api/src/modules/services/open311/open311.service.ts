/**
 * Open311 GeoReport v2 over the services module: service standards are Open311 services, their
 * form fields its attributes, applications its service requests. Every answer is a plain value
 * (the routes write it as JSON or XML). See README.md for each mapping and why. This file: times,
 * discovery, services and their definitions, jurisdictions; requests are in
 * open311-requests.service.ts.
 */

import { getStandard, type FeeTier, type FormField, type ServicesContext } from '../index.ts';
import { fail } from './open311.errors.ts';
import { selectServices } from './open311.queries.ts';

export type Lang = 'km' | 'en';

/** Open311's own limits: a window of 90 days by default, at most 1,000 requests an answer. */
export const DEFAULT_WINDOW_DAYS = 90;
export const MAX_REQUESTS = 1000;
/** Requests named by id in one call (service_request_id=a,b,c). */

// ------------------------------------------------------------------ times

/** An instant as Open311 writes it: ISO 8601 with Cambodia's offset (2026-11-10T09:00:00+07:00). */
export function cambodiaDateTime(instant: Date): string {
  const local = new Date(instant.getTime() + 7 * 60 * 60 * 1000);
  return `${local.toISOString().slice(0, 19)}+07:00`;
}

/** The due day as a datetime: its last second in Cambodia (due "by the end of" that day). */
export const endOfDay = (day: string) => `${day}T23:59:59+07:00`;

export function parseInstant(raw: string, name: string): Date {
  // ISO 8601 as the spec asks (a date alone is read as midnight in Cambodia).
  const text = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00+07:00` : raw;
  const instant = /^\d{4}-\d{2}-\d{2}T/.test(text) ? new Date(text) : new Date(Number.NaN);
  if (Number.isNaN(instant.getTime())) {
    throw fail('open311.request.bad_date', {
      title: `${name} is not an ISO 8601 date and time.`,
      detail: raw,
    });
  }
  return instant;
}

// ------------------------------------------------------------------ discovery

export function discovery(baseUrl: string) {
  return {
    changeset: '2026-11-27T00:00:00+07:00',
    contact:
      'SNDD Platform: ask the national administrators of this installation. Service codes are the codes of the service standards; jurisdiction_id is the NCDD code of the office (province, district or commune).',
    key_service: `${baseUrl.replace(/\/open311\/v2$/, '')}/api/auth/tokens (a personal API token, sent as api_key)`,
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: baseUrl,
        changeset: '2026-11-27T00:00:00+07:00',
        type: 'production',
        formats: ['application/json', 'text/xml'],
      },
    ],
  };
}

// ------------------------------------------------------------------ services

const fieldDatatype = (datatype: FormField['datatype']) => (datatype === 'date' ? 'datetime' : datatype);

const riel = (amount: number) => amount.toLocaleString('en-US');

/** What a person should know before filing: the time limit and the fees, in one sentence each. */
export function serviceNotice(
  version: { time_limit_days: number; fee_tiers: FeeTier[] },
  lang: Lang,
): string {
  const fees = version.fee_tiers
    .map((tier) =>
      lang === 'km'
        ? `${tier.labelKm} ${riel(tier.amountRiel)} រៀល`
        : `${tier.labelEn} ${riel(tier.amountRiel)} riel`,
    )
    .join('; ');
  return lang === 'km'
    ? `រយៈពេលកំណត់ ${version.time_limit_days} ថ្ងៃធ្វើការ។ កម្រៃសេវា៖ ${fees}។`
    : `Time limit: ${version.time_limit_days} working days. Fee: ${fees}.`;
}

export async function listServices(ctx: ServicesContext, jurisdictionId: string | undefined, lang: Lang) {
  const { db } = ctx;
  if (jurisdictionId !== undefined) await checkJurisdiction(ctx, jurisdictionId);
  const rows = await selectServices(
    db,
    jurisdictionId === undefined ? undefined : { unitCode: jurisdictionId, day: ctx.today() },
  );
  return rows.map((row) => ({
    service_code: row.code,
    service_name: lang === 'km' ? row.name_km : row.name_en,
    description: lang === 'km' ? row.description_km : row.description_en,
    // The form has fields to fill in: the client reads them from the service definition.
    metadata: row.form_fields.some((field) => field.variable),
    // POST requests answers the service_request_id at once (never a token to redeem later):
    // GeoReport v2's `realtime`, though officers decide over days.
    type: 'realtime',
    keywords: [row.sector, row.provider_tier].join(','),
    group: row.sector,
  }));
}

export async function serviceDefinition(ctx: ServicesContext, code: string, lang: Lang) {
  const standard = await getStandard(ctx, code);
  return {
    service_code: standard.code,
    attributes: standard.formFields.map((field) => {
      const isList = field.datatype === 'singlevaluelist' || field.datatype === 'multivaluelist';
      const described = lang === 'km' ? field.datatypeDescriptionKm : field.datatypeDescriptionEn;
      return {
        variable: field.variable,
        code: field.code,
        datatype: fieldDatatype(field.datatype),
        required: field.required,
        datatype_description:
          described ?? (field.datatype === 'date' ? 'A day, YYYY-MM-DD (a time of day is ignored).' : ''),
        order: field.order,
        description: lang === 'km' ? field.descriptionKm : field.descriptionEn,
        ...(isList
          ? {
              values: (field.values ?? []).map((value) => ({
                key: value.key,
                name: lang === 'km' ? value.nameKm : value.nameEn,
              })),
            }
          : {}),
      };
    }),
  };
}

// ------------------------------------------------------------------ jurisdictions

export async function checkJurisdiction(ctx: ServicesContext, code: string): Promise<void> {
  const { db } = ctx;
  if (!/^([0-9]{2}){1,4}$/.test(code) || !(await ctx.ports.gazetteer.unitExists(db, code))) {
    throw fail('open311.jurisdiction.not_found', code);
  }
}

/** The names of the offices, by unit code, read once per answer (one query). */
export async function agencyNames(
  ctx: ServicesContext,
  codes: string[],
  lang: Lang,
): Promise<Map<string, string>> {
  const { db } = ctx;
  const units = await ctx.ports.gazetteer.unitNames(db, codes);
  return new Map(
    codes.map((code) => {
      const unit = units.get(code);
      return [code, unit ? (lang === 'km' ? unit.nameKm : unit.nameLatin) : code];
    }),
  );
}
