/**
 * Catalogue keys of the services' closed lists (statuses, subjects, sex, age groups, tiers),
 * written out so that a test can check that both catalogues hold every one of them.
 */
import type { ApplicationStatus, ComplaintStatus, ComplaintSubject } from './api.ts';

export const STATUS_KEYS: Record<ApplicationStatus, string> = {
  received: 'services.status.received',
  under_review: 'services.status.under_review',
  more_info_needed: 'services.status.more_info_needed',
  approved: 'services.status.approved',
  rejected: 'services.status.rejected',
  ready_for_collection: 'services.status.ready_for_collection',
  closed: 'services.status.closed',
};

/** The button that moves an application to a status: a verb, not the status's name. */
export const STEP_KEYS: Record<ApplicationStatus, string> = {
  received: 'services.step.received',
  under_review: 'services.step.under_review',
  more_info_needed: 'services.step.more_info_needed',
  approved: 'services.step.approved',
  rejected: 'services.step.rejected',
  ready_for_collection: 'services.step.ready_for_collection',
  closed: 'services.step.closed',
};

export const COMPLAINT_STATUS_KEYS: Record<ComplaintStatus, string> = {
  received: 'services.complaintStatus.received',
  under_investigation: 'services.complaintStatus.under_investigation',
  decided: 'services.complaintStatus.decided',
  replied: 'services.complaintStatus.replied',
  closed: 'services.complaintStatus.closed',
};

export const COMPLAINT_STEP_KEYS: Record<ComplaintStatus, string> = {
  received: 'services.complaintStep.received',
  under_investigation: 'services.complaintStep.under_investigation',
  decided: 'services.complaintStep.decided',
  replied: 'services.complaintStep.replied',
  closed: 'services.complaintStep.closed',
};

export const SUBJECT_KEYS: Record<ComplaintSubject, string> = {
  service: 'services.subject.service',
  office: 'services.subject.office',
  officer: 'services.subject.officer',
};

export const SEX_KEYS: Record<string, string> = {
  female: 'services.sex.female',
  male: 'services.sex.male',
  unknown: 'services.sex.unknown',
};

export const AGE_GROUP_KEYS: Record<string, string> = {
  '0-17': 'services.ageGroup.0-17',
  '18-34': 'services.ageGroup.18-34',
  '35-49': 'services.ageGroup.35-49',
  '50-64': 'services.ageGroup.50-64',
  '65+': 'services.ageGroup.65+',
  unknown: 'services.ageGroup.unknown',
};

export const TIER_KEYS: Record<string, string> = {
  province: 'services.tier.province',
  district: 'services.tier.district',
  commune: 'services.tier.commune',
};

export const CHANNEL_KEYS: Record<string, string> = {
  online: 'services.channel.online',
  counter: 'services.channel.counter',
  open311: 'services.channel.open311',
};

/** Every stable error code of the services API (its README), translated as errors.<code>. */
export const SERVICES_ERROR_CODES = [
  'services.standard.not_found',
  'services.standard.bad_fee_tier',
  'services.application.value_out_of_range',
  'services.complaint.not_complainant',
  'services.standard.version_not_found',
  'services.standard.unknown',
  'services.standard.not_offered',
  'services.standard.duplicate_code',
  'services.standard.bad_field',
  'services.standard.duplicate_fee_tier',
  'services.standard.bad_owner',
  'services.standard.tier_in_use',
  'services.offering.not_found',
  'services.offering.wrong_tier',
  'services.offering.overlap',
  'services.offering.end_before_start',
  'services.calendar.date_outside_year',
  'services.calendar.duplicate_date',
  'services.application.not_found',
  'services.application.unknown_field',
  'services.application.missing_field',
  'services.application.value_not_in_list',
  'services.application.bad_field_value',
  'services.application.description_too_long',
  'services.application.applicant_name_required',
  'services.application.bad_status',
  'services.application.note_required',
  'services.application.invalid_transition',
  'services.applicant.bad_sex',
  'services.applicant.bad_age_group',
  'services.applicant.bad_phone',
  'services.applicant.bad_email',
  'services.fee.unknown_tier',
  'services.fee.amount_mismatch',
  'services.fee.already_paid',
  'services.fee.duplicate_receipt',
  'services.rating.not_applicant',
  'services.rating.not_closed',
  'services.rating.already_rated',
  'services.attachment.too_large',
  'services.attachment.type_not_allowed',
  'services.attachment.bad_name',
  'services.attachment.not_multipart',
  'services.attachment.missing',
  'services.attachment.empty',
  'services.attachment.too_many',
  'services.attachment.application_closed',
  'services.attachment.not_found',
  'services.complaint.not_found',
  'services.complaint.bad_subject',
  'services.complaint.service_required',
  'services.complaint.officer_required',
  'services.complaint.description_required',
  'services.complaint.description_too_long',
  'services.complaint.unknown_application',
  'services.complaint.bad_status',
  'services.complaint.decision_required',
  'services.complaint.reply_required',
  'services.complaint.invalid_transition',
] as const;
