/**
 * For the Open311 tests: the GeoReport v2 fixtures read in place (../shared/data, never copied
 * into the repository), XML parsing, a comparison of element structure, and applications
 * written straight into the table at chosen times.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { XMLParser } from 'fast-xml-parser';
import { repoRoot } from '../../../config.ts';
import { newTrackingNumber } from '../index.ts';

export const FIXTURES = path.resolve(repoRoot, '../shared/data/open311-georeport-v2-fixtures');

export const readFixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

const parser = new XMLParser({ ignoreDeclaration: true, ignoreAttributes: true, parseTagValue: false });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed XML is untyped
export const parseXml = (text: string): any => parser.parse(text);

/** The element names of a parsed element, sorted (of its first item when it repeats). */
export function keysOf(value: unknown): string[] {
  const item: unknown = Array.isArray(value) ? value[0] : value;
  return item !== null && typeof item === 'object' ? Object.keys(item).sort() : [];
}

/** The first item of an element that may repeat. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed XML is untyped
export const first = (value: any): any => (Array.isArray(value) ? value[0] : value);

/** Our extensions to a GeoReport request (README): the detailed step beside the readable status_notes. */
export const EXTENSION_REQUEST_FIELDS = ['detailed_status'];

/** The fixture's element names of a request and our extensions, sorted. */
export const withExtensions = (fixtureKeys: string[]) => [...fixtureKeys, ...EXTENSION_REQUEST_FIELDS].sort();

/** An application written directly (for windows and limits), with a person whose details must never leak (its description, 'private words', is public). */
export async function insertApplication(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test holds the full schema
  db: Kysely<any>,
  args: {
    serviceCode: string;
    unitCode: string;
    filedAt: Date;
    status?: string;
    trackingNumber?: string;
    /** lat, long (inside Cambodia) and a picture's address. */
    place?: { lat: number; long: number; address: string; mediaUrl: string };
  },
): Promise<string> {
  const number = args.trackingNumber ?? newTrackingNumber();
  const day = args.filedAt.toISOString().slice(0, 10);
  await sql`
    insert into services_application (tracking_number, standard_id, standard_version_id, service_code,
      unit_code, status, channel, applicant_name, applicant_sex, applicant_age_group, applicant_phone,
      description, filed_at, filed_on, due_date, status_changed_at, location_lat, location_long,
      address_string, media_url)
    select ${number}, s.id, v.id, s.code, ${args.unitCode}, ${args.status ?? 'received'}, 'counter',
      'Secret Applicant', 'female', '35-49', '+85512999777', 'private words', ${args.filedAt}, ${day},
      ${day}, ${args.filedAt}, ${args.place?.lat ?? null}::double precision,
      ${args.place?.long ?? null}::double precision, ${args.place?.address ?? null}::text,
      ${args.place?.mediaUrl ?? null}::text
    from services_standard s
    join services_standard_version v on v.standard_id = s.id and v.version = s.current_version
    where s.code = ${args.serviceCode}`.execute(db);
  return number;
}
