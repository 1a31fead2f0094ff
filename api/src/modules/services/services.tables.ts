/** The services module's tables as Kysely sees them (columns in snake_case, as in the SQL). */
import type { Generated, Kysely } from 'kysely';
import type { FieldValues, FormField } from './form-fields.ts';

export const PROVIDER_TIERS = ['province', 'district', 'commune'] as const;
export type ProviderTier = (typeof PROVIDER_TIERS)[number];
/** The level of the administrative tree at which each tier's units sit. */
export const TIER_LEVEL: Record<ProviderTier, number> = { province: 1, district: 2, commune: 3 };

export const APPLICATION_STATUSES = [
  'received',
  'under_review',
  'more_info_needed',
  'approved',
  'rejected',
  'ready_for_collection',
  'closed',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const COMPLAINT_STATUSES = [
  'received',
  'under_investigation',
  'decided',
  'replied',
  'closed',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_SUBJECTS = ['service', 'office', 'officer'] as const;
export type ComplaintSubject = (typeof COMPLAINT_SUBJECTS)[number];

export const CHANNELS = ['online', 'counter', 'open311'] as const;
export type FilingChannel = (typeof CHANNELS)[number];

export const SEXES = ['female', 'male', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];
export const AGE_GROUPS = ['0-17', '18-34', '35-49', '50-64', '65+', 'unknown'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export interface FeeTier {
  code: string;
  labelKm: string;
  labelEn: string;
  /** Riel, a whole number (0 for a free service); per unit of perUnitField when set. */
  amountRiel: number;
  /** A number field of the form (copies, pages): the fee is amountRiel times its value. */
  perUnitField?: string | null;
  /** The day the legal decision setting this fee took effect (YYYY-MM-DD): no fee paid before it. */
  inForceFrom?: string | null;
}

export interface RequiredDocument {
  nameKm: string;
  nameEn: string;
}

export interface ServicesStandardTable {
  id: Generated<number>;
  code: string;
  owner_unit_code: string | null;
  current_version: Generated<number>;
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ServicesStandardVersionTable {
  id: Generated<number>;
  standard_id: number;
  version: number;
  sector: string;
  name_km: string;
  name_en: string;
  description_km: string;
  description_en: string;
  legal_basis: string;
  provider_tier: ProviderTier;
  time_limit_days: number;
  fee_tiers: FeeTier[];
  required_documents: RequiredDocument[];
  form_fields: FormField[];
  search_km: string;
  search_latin: string;
  source: string | null;
  is_example: Generated<boolean>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface ServicesOfferingTable {
  id: Generated<number>;
  standard_id: number;
  unit_code: string;
  valid_from: string;
  valid_to: string | null;
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ServicesHolidayTable {
  day: string;
  name_km: string;
  name_en: string;
  source: string;
  is_example: Generated<boolean>;
}

export interface ServicesApplicationTable {
  id: Generated<number>;
  tracking_number: string;
  standard_id: number;
  standard_version_id: number;
  service_code: string;
  unit_code: string;
  status: ApplicationStatus;
  channel: FilingChannel;
  applicant_user_id: number | null;
  /** Null only for an Open311 filing by an officer who named nobody. */
  applicant_name: string | null;
  applicant_sex: Sex;
  applicant_age_group: AgeGroup;
  applicant_disability: boolean | null;
  applicant_phone: string | null;
  applicant_email: string | null;
  field_values: FieldValues;
  description: string;
  /** Where the request is about (Open311): WGS84 degrees, both or neither, inside Cambodia. */
  location_lat: number | null;
  location_long: number | null;
  address_string: string | null;
  address_id: string | null;
  media_url: string | null;
  filed_by_user_id: number | null;
  filed_at: Generated<Date>;
  filed_on: string;
  due_date: string;
  paused_since: string | null;
  paused_working_days: Generated<number>;
  decided_on: string | null;
  closed_on: string | null;
  status_changed_at: Generated<Date>;
  rating: number | null;
  rating_comment: string | null;
  rated_at: Date | null;
  is_example: Generated<boolean>;
  updated_at: Generated<Date>;
}

export interface ServicesApplicationEventTable {
  id: Generated<number>;
  application_id: number;
  from_status: ApplicationStatus | null;
  to_status: ApplicationStatus;
  note: string | null;
  due_date: string;
  actor_user_id: number | null;
  occurred_at: Generated<Date>;
}

export interface ServicesFeePaymentTable {
  id: Generated<number>;
  application_id: number;
  unit_code: string;
  fee_tier_code: string;
  /** The whole sum: the tier's amount times quantity. */
  amount_riel: number;
  /** Units paid for (copies, pages) when the tier is per unit; 1 for a flat fee. */
  quantity: Generated<number>;
  receipt_number: string;
  paid_on: string;
  recorded_by: number | null;
  recorded_at: Generated<Date>;
  is_example: Generated<boolean>;
}

export interface ServicesAttachmentTable {
  id: Generated<number>;
  application_id: number;
  storage_key: string;
  file_name: string;
  content_type: AttachmentType;
  size_bytes: number;
  sha256: string;
  uploaded_by: number | null;
  created_at: Generated<Date>;
}

export interface ServicesComplaintTable {
  id: Generated<number>;
  tracking_number: string;
  subject: ComplaintSubject;
  concerned_unit_code: string;
  handling_unit_code: string;
  standard_id: number | null;
  application_id: number | null;
  officer_name: string | null;
  description: string;
  status: ComplaintStatus;
  complainant_user_id: number | null;
  complainant_name: string | null;
  complainant_sex: Sex;
  complainant_age_group: AgeGroup;
  complainant_disability: boolean | null;
  complainant_phone: string | null;
  complainant_email: string | null;
  decision: string | null;
  reply: string | null;
  /** The complainant agreed that whoever holds the number may read the reply. */
  reply_public: Generated<boolean>;
  filed_at: Generated<Date>;
  filed_on: string;
  decided_on: string | null;
  replied_on: string | null;
  closed_on: string | null;
  status_changed_at: Generated<Date>;
  is_example: Generated<boolean>;
  updated_at: Generated<Date>;
}

export interface ServicesComplaintEventTable {
  id: Generated<number>;
  complaint_id: number;
  from_status: ComplaintStatus | null;
  to_status: ComplaintStatus;
  note: string | null;
  actor_user_id: number | null;
  occurred_at: Generated<Date>;
}

/** The topics of the services' messages (the notifications module's template registry knows them). */
export type ServicesOutboxTopic = 'application.status' | 'complaint.status';

export interface ServicesTables {
  services_standard: ServicesStandardTable;
  services_standard_version: ServicesStandardVersionTable;
  services_offering: ServicesOfferingTable;
  services_holiday: ServicesHolidayTable;
  services_application: ServicesApplicationTable;
  services_application_event: ServicesApplicationEventTable;
  services_fee_payment: ServicesFeePaymentTable;
  services_attachment: ServicesAttachmentTable;
  services_complaint: ServicesComplaintTable;
  services_complaint_event: ServicesComplaintEventTable;
  services_phone_check_throttle: ServicesPhoneCheckThrottleTable;
}

/** Wrong phone numbers per key (a tracking number, a client address): phone-check.ts. */
export interface ServicesPhoneCheckThrottleTable {
  key: string;
  failures: number;
  window_started_at: Date;
  locked_until: Date | null;
}

export type ServicesDb = Kysely<ServicesTables>;
