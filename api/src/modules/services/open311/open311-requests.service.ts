/**
 * Open311 service requests (our applications): listing them, one by id or token, and filing
 * one (POST). Every answer is a plain value (the routes write it as JSON or XML).
 */
import type { Actor } from '../../../platform/actor.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { forbidden } from '../../../platform/auth/access-control.ts';
import { fail as failServices } from '../services.errors.ts';
import {
  applicantFromAccount,
  checkApplicant,
  fileApplication,
  findStandardVersion,
  parseTrackingNumber,
  type FormField,
  type ServicesContext,
} from '../index.ts';
import { FILE_APPLICATIONS } from '../context.ts';
import { APPLICATION_STATUS_TEXT } from '../notifications.ts';
import { fail, failPlatform } from './open311.errors.ts';
import { selectRequests, selectVersionFacts, type RequestRow, type VersionFacts } from './open311.queries.ts';
import {
  agencyNames,
  cambodiaDateTime,
  checkJurisdiction,
  DEFAULT_WINDOW_DAYS,
  endOfDay,
  MAX_REQUESTS,
  parseInstant,
  serviceNotice,
  type Lang,
} from './open311.service.ts';
import type { PostInput } from './post-body.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_IDS = MAX_REQUESTS;

// ------------------------------------------------------------------ requests

/**
 * One request as GET requests shows it: the case, its description and where it is about; never
 * the person (name, phone, e-mail, sex, age) nor the form's answers.
 */
export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  /** Readable text in the language asked (lang): the step the request is at. */
  status_notes: string;
  /** Extension: the detailed step, a stable code (received … ready_for_collection, closed). */
  detailed_status: string;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  service_notice: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string;
  address: string | null;
  address_id: string | null;
  /** Cambodia's addresses carry no postcode on the forms: always null. */
  zipcode: null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** "under review" → "Under review." (Khmer: the text and its full stop, ។). */
function statusNotes(status: string, lang: Lang): string {
  const text = APPLICATION_STATUS_TEXT[status];
  if (!text) return status;
  return lang === 'km' ? `${text.km}។` : `${text.en.charAt(0).toUpperCase()}${text.en.slice(1)}.`;
}

async function toRequests(ctx: ServicesContext, rows: RequestRow[], lang: Lang): Promise<Open311Request[]> {
  const { db } = ctx;
  const versionIds = [...new Set(rows.map((row) => row.standard_version_id))];
  const unitCodes = [...new Set(rows.map((row) => row.unit_code))];
  const [versions, agencies] = await Promise.all([
    selectVersionFacts(db, versionIds),
    agencyNames(ctx, unitCodes, lang),
  ]);
  const byId = new Map<number, VersionFacts & { notice: string }>(
    versions.map((version) => [Number(version.id), { ...version, notice: serviceNotice(version, lang) }]),
  );
  return rows.map((row) => {
    const version = byId.get(Number(row.standard_version_id));
    return {
      service_request_id: row.tracking_number,
      status: row.status === 'closed' ? 'closed' : 'open',
      // Readable text; officers' notes are for the applicant, not the public.
      status_notes: statusNotes(row.status, lang),
      detailed_status: row.status,
      service_name: (lang === 'km' ? version?.name_km : version?.name_en) ?? '',
      service_code: row.service_code,
      description: row.description,
      agency_responsible: agencies.get(row.unit_code) ?? row.unit_code,
      service_notice: version?.notice ?? '',
      requested_datetime: cambodiaDateTime(row.filed_at),
      updated_datetime: cambodiaDateTime(row.status_changed_at),
      expected_datetime: endOfDay(row.due_date),
      address: row.address_string,
      address_id: row.address_id,
      zipcode: null,
      lat: row.location_lat,
      long: row.location_long,
      media_url: row.media_url,
    };
  });
}

export interface RequestsQuery {
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: string;
  jurisdiction_id?: string;
  page?: number;
  page_size?: number;
}

const commaList = (raw: string) =>
  raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/**
 * GET requests. Named ids (service_request_id=a,b) ignore every other filter, as the spec
 * says. Otherwise: requested between start_date and end_date — by default the 90 days up to
 * now; start_date alone: from it to now; end_date alone: the 90 days before it — at most 90
 * days apart (a longer range is refused, open311.request.range_too_long), newest first, at most
 * 1,000 an answer, paged with page and page_size (the common extension).
 */
export async function listRequests(ctx: ServicesContext, query: RequestsQuery, lang: Lang, now = new Date()) {
  const { db } = ctx;
  const pageSize = query.page_size ?? MAX_REQUESTS;
  const page = query.page ?? 1;
  const paging = { limit: pageSize, offset: (page - 1) * pageSize };
  if (query.service_request_id !== undefined) {
    const typed = commaList(query.service_request_id);
    if (typed.length > MAX_IDS) {
      throw fail('open311.request.too_many_ids', { title: `At most ${MAX_IDS} ids in one request.` });
    }
    const numbers = typed.map(parseTrackingNumber).filter((number): number is string => number !== null);
    return toRequests(ctx, await selectRequests(db, { trackingNumbers: numbers, ...paging }).execute(), lang);
  }
  let status: 'open' | 'closed' | undefined;
  if (query.status !== undefined) {
    const wanted = new Set(commaList(query.status));
    for (const item of wanted) {
      if (item !== 'open' && item !== 'closed') throw fail('open311.request.bad_status', item);
    }
    status = wanted.size === 1 ? ([...wanted][0] as 'open' | 'closed') : undefined;
  }
  let from = query.start_date === undefined ? undefined : parseInstant(query.start_date, 'start_date');
  let to = query.end_date === undefined ? undefined : parseInstant(query.end_date, 'end_date');
  if (from === undefined && to === undefined) to = now;
  if (from === undefined) from = new Date(to!.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS);
  if (to === undefined) to = now;
  if (to < from) throw fail('open311.request.bad_dates');
  if (to.getTime() - from.getTime() > DEFAULT_WINDOW_DAYS * DAY_MS) {
    throw fail('open311.request.range_too_long', {
      title: `start_date and end_date may be at most ${DEFAULT_WINDOW_DAYS} days apart (start_date alone: up to now).`,
      detail: `${cambodiaDateTime(from)} to ${cambodiaDateTime(to)}`,
    });
  }
  if (query.jurisdiction_id !== undefined) await checkJurisdiction(ctx, query.jurisdiction_id);
  const serviceCodes = query.service_code === undefined ? undefined : commaList(query.service_code);
  const rows = await selectRequests(db, {
    serviceCodes,
    status,
    inJurisdiction:
      query.jurisdiction_id === undefined
        ? undefined
        : ctx.ports.gazetteer.subtreeCodesQuery(db, [query.jurisdiction_id]),
    from,
    to,
    ...paging,
  }).execute();
  return toRequests(ctx, rows, lang);
}

export const requestNotFound = (id: string) =>
  failServices('services.application.not_found', {
    title: 'No service request has this id or token.',
    detail: id,
  });

export async function getRequest(ctx: ServicesContext, typed: string, lang: Lang): Promise<Open311Request> {
  const { db } = ctx;
  const number = parseTrackingNumber(typed);
  const rows =
    number === null
      ? []
      : await selectRequests(db, { trackingNumbers: [number], limit: 1, offset: 0 }).execute();
  const [request] = await toRequests(ctx, rows, lang);
  if (!request) throw requestNotFound(typed);
  return request;
}

/**
 * GET tokens: a request is created at once (never queued), so the token a client may keep is
 * the service_request_id itself, in any form a person types it (K7MR-3TXA, k7mr3txa).
 */
export async function requestIdFromToken(ctx: ServicesContext, token: string) {
  const request = await getRequest(ctx, token, 'en');
  return { service_request_id: request.service_request_id, token };
}

// ------------------------------------------------------------------ POST requests

/**
 * Who files, by the api_key's owner (a personal API token):
 *  - holds services.application.file at the jurisdiction (or above): files at the counter for
 *    the person named in first_name / last_name, as an officer would at the desk;
 *  - a citizen (no role that brings a permission): files as themselves, with their account's
 *    name and phone unless the form gives others, as the online filing does;
 *  - anyone else (an officer of another office): 403 auth.forbidden.
 * Either way the application's channel is `open311`.
 */
async function filerOf(
  ctx: ServicesContext,
  principal: Principal,
  unitCode: string,
): Promise<'officer' | 'citizen'> {
  if (principal.mustChangePassword) {
    throw failPlatform('auth.password.change_required');
  }
  if (await ctx.access.holdsAt(ctx.db, principal, [FILE_APPLICATIONS], unitCode)) return 'officer';
  if (principal.assignments.every((assignment) => assignment.permissions.size === 0)) return 'citizen';
  throw forbidden(`Needs the permission ${FILE_APPLICATIONS} at unit ${unitCode}, or a citizen's token.`);
}

/** Open311 sends a day as a datetime: a date field keeps its day. */
function normaliseDates(
  fields: readonly FormField[],
  values: Record<string, unknown>,
): Record<string, unknown> {
  const out = { ...values };
  for (const field of fields) {
    const value = out[field.code];
    if (field.datatype === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value.trim())) {
      out[field.code] = value.trim().slice(0, 10);
    }
  }
  return out;
}

export async function postRequest(
  ctx: ServicesContext,
  actor: Actor,
  principal: Principal,
  input: PostInput,
  lang: Lang,
  queryJurisdictionId?: string,
) {
  // jurisdiction_id in the body, or in the query string (as on every GET): the same one if both.
  if (
    input.jurisdictionId !== null &&
    queryJurisdictionId !== undefined &&
    input.jurisdictionId !== queryJurisdictionId
  ) {
    throw fail('open311.jurisdiction.mismatch', `${queryJurisdictionId} / ${input.jurisdictionId}`);
  }
  const jurisdictionId = input.jurisdictionId ?? queryJurisdictionId ?? null;
  if (jurisdictionId === null) {
    throw fail('open311.jurisdiction.required');
  }
  if (input.serviceCode === null) {
    throw fail('open311.service_code.required');
  }
  const version = await findStandardVersion(ctx.db, input.serviceCode);
  if (!version) throw failServices('services.standard.unknown', input.serviceCode);
  const filer = await filerOf(ctx, principal, jurisdictionId);
  const named = [input.firstName, input.lastName].filter((part) => part !== null).join(' ') || null;
  const person = {
    phone: input.phone,
    email: input.email,
    sex: input.sex,
    ageGroup: input.ageGroup,
    disability: input.disability,
  };
  const applicant =
    filer === 'officer'
      ? checkApplicant({ ...person, name: named })
      : applicantFromAccount(principal, {
          ...(named === null ? {} : { name: named }),
          ...(input.phone === null ? {} : { phone: input.phone }),
          ...(input.email === null ? {} : { email: input.email }),
          sex: input.sex,
          ageGroup: input.ageGroup,
          disability: input.disability,
        });
  const application = await fileApplication(ctx, actor, {
    serviceCode: input.serviceCode,
    unitCode: jurisdictionId,
    values: normaliseDates(version.form_fields, input.attributes),
    description: input.description,
    location: input.location,
    mediaUrl: input.mediaUrl,
    applicant,
    channel: 'open311',
    applicantUserId: filer === 'citizen' ? principal.userId : null,
  });
  const filedUnder =
    application.standardVersion === version.version
      ? version
      : ((await findStandardVersion(ctx.db, input.serviceCode, application.standardVersion)) ?? version);
  return {
    service_request_id: application.trackingNumber,
    service_notice: serviceNotice(filedUnder, lang),
    account_id: null,
  };
}
