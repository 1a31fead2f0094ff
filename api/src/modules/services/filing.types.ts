/** The shapes of a filing on its way through the filing queue (filing.service.ts, filing-queue.ts). */
import type { Actor } from '../../platform/actor.ts';
import type { Applicant } from './applicants.ts';
import type { ApplicationRow, EventRow } from './applications.queries.ts';
import type { StandardVersionRow } from './standards.queries.ts';
import type { FilingChannel } from './services.tables.ts';

export interface FilingLocation {
  lat: number | null;
  long: number | null;
  addressString: string | null;
  addressId: string | null;
}

export interface FilingInput {
  serviceCode: string;
  unitCode: string;
  values: Record<string, unknown>;
  description?: string;
  applicant: Applicant;
  channel: FilingChannel;
  /** The citizen's account (online and Open311 filings by a signed-in person). */
  applicantUserId: number | null;
  /** Where the request is about (Open311), checked by its caller (open311/post-body.ts). */
  location?: FilingLocation;
  /** A picture or document about the request (Open311's media_url), an http(s) URL. */
  mediaUrl?: string | null;
  /** For the demo seed: a filing day in the past. */
  filedOn?: string;
  isExample?: boolean;
}

/** A filing that passed every check, ready to be written (alone or with others). */
export interface CheckedFiling {
  actor: Actor;
  input: FilingInput;
  version: StandardVersionRow;
  values: ApplicationRow['field_values'];
  description: string;
  today: string;
  dueDate: string;
}

/** A written filing: its row and its first event. */
export interface WrittenFiling {
  inserted: ApplicationRow;
  event: EventRow;
}
