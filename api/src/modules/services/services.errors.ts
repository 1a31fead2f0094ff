/**
 * Every error code the services module answers (standards, calendar, applications, fees,
 * attachments, ratings, complaints, the dashboard), each with its HTTP status and a short
 * English title. Services throw `fail(code, detail?)`; the web shows its own Khmer and English
 * text by code (`errors.<code>` in web/src/modules/services/locales). The Open311 part answers
 * its own codes too (open311/open311.errors.ts).
 */
import { defineErrors, failWith } from '../../platform/errors.ts';

export const SERVICES_ERRORS = defineErrors({
  // Standards and offerings
  'services.standard.not_found': { status: 404, title: 'No service standard has this code.' },
  'services.standard.version_not_found': { status: 404, title: 'The standard has no such version.' },
  'services.standard.unknown': { status: 400, title: 'No service has this code.' },
  'services.standard.not_offered': { status: 400, title: 'This office does not offer this service.' },
  'services.standard.duplicate_code': { status: 409, title: 'A standard with this code exists already.' },
  'services.standard.bad_field': { status: 400, title: 'A form field of the standard is not well formed.' },
  'services.standard.bad_fee_tier': {
    status: 400,
    title: 'A fee per unit must count a number field of the form.',
  },
  'services.standard.duplicate_fee_tier': { status: 400, title: 'Two fee tiers have the same code.' },
  'services.standard.bad_owner': {
    status: 400,
    title: 'A standard belongs to a province, district or commune.',
  },
  'services.standard.tier_in_use': {
    status: 409,
    title: 'The standard is offered at units of its tier: end those offerings before changing the tier.',
  },
  'services.offering.not_found': { status: 404, title: 'No such offering.' },
  'services.offering.wrong_tier': {
    status: 400,
    title: 'This unit is not of the tier that provides the service.',
  },
  'services.offering.overlap': {
    status: 409,
    title: 'The unit already offers this service during part of that time.',
  },
  'services.offering.end_before_start': { status: 400, title: 'The last day comes before the first.' },
  // The working-day calendar
  'services.calendar.date_outside_year': { status: 400, title: 'Every day must fall in the year.' },
  'services.calendar.duplicate_date': { status: 400, title: 'A day is listed twice.' },
  // Applications
  'services.application.not_found': { status: 404, title: 'No application has this tracking number.' },
  'services.application.unknown_field': { status: 400, title: 'The form has no such field.' },
  'services.application.missing_field': { status: 400, title: 'A required field has no value.' },
  'services.application.value_not_in_list': {
    status: 400,
    title: 'A value is not one of the field’s choices.',
  },
  'services.application.bad_field_value': { status: 400, title: 'A field has a value of the wrong kind.' },
  'services.application.value_out_of_range': {
    status: 400,
    title: 'A number is outside the bounds of its field.',
  },
  'services.application.description_too_long': { status: 400, title: 'The description is too long.' },
  'services.application.applicant_name_required': {
    status: 400,
    title: 'The applicant’s name is required.',
  },
  'services.application.bad_status': { status: 400, title: 'No such status.' },
  'services.application.note_required': {
    status: 400,
    title: 'Say why in a note: it is sent to the applicant.',
  },
  'services.application.invalid_transition': {
    status: 409,
    title: 'The application cannot take this step from its status.',
  },
  'services.applicant.bad_sex': { status: 400, title: 'No such sex.' },
  'services.applicant.bad_age_group': { status: 400, title: 'No such age group.' },
  'services.applicant.bad_phone': { status: 400, title: 'Not a Cambodian phone number.' },
  'services.applicant.bad_email': { status: 400, title: 'Not an e-mail address.' },
  // Fees
  'services.fee.unknown_tier': { status: 400, title: 'The standard has no such fee tier.' },
  'services.fee.amount_mismatch': { status: 400, title: 'The amount is not the published fee of this tier.' },
  'services.fee.already_paid': { status: 409, title: 'The fee of this application is already recorded.' },
  'services.fee.duplicate_receipt': { status: 409, title: 'This office already used this receipt number.' },
  'services.fee.before_decision': {
    status: 409,
    title: 'The fee is dated before the legal decision that set it took effect.',
  },
  'services.fee.bad_paid_on': {
    status: 400,
    title: 'A fee cannot be recorded as paid after today.',
  },
  'services.fee.bad_quantity': {
    status: 400,
    title: 'A fee per unit needs a whole number of units, at least 1.',
  },
  'services.fee.quantity_mismatch': {
    status: 400,
    title: 'The quantity differs from the number given on the application.',
  },
  // Phone checks by people without an account (ratings, complaint replies)
  'services.phone_check.throttled': {
    status: 429,
    title: 'Too many wrong phone numbers. Wait a few minutes, then try again.',
  },
  // Ratings
  'services.rating.not_applicant': {
    status: 403,
    title: 'Only the applicant may rate: give the phone number on file, or sign in.',
  },
  'services.rating.not_closed': { status: 409, title: 'An application is rated once it is closed.' },
  'services.rating.already_rated': { status: 409, title: 'This application was rated already.' },
  // Attachments
  'services.attachment.too_large': { status: 413, title: 'The file is too large.' },
  'services.attachment.type_not_allowed': {
    status: 415,
    title: 'Only PDF, JPEG and PNG files are accepted.',
  },
  'services.attachment.bad_name': {
    status: 400,
    title: 'A file name must be a plain name, without a folder.',
  },
  'services.attachment.not_multipart': { status: 415, title: 'Send the file as multipart/form-data.' },
  'services.attachment.missing': { status: 400, title: 'The request holds no file.' },
  'services.attachment.empty': { status: 400, title: 'The file is empty.' },
  'services.attachment.too_many': { status: 409, title: 'The application has as many files as it may have.' },
  'services.attachment.application_closed': { status: 409, title: 'The application is closed.' },
  'services.attachment.not_found': { status: 404, title: 'No such file.' },
  // Complaints
  'services.complaint.not_found': { status: 404, title: 'No complaint has this number.' },
  'services.complaint.bad_subject': { status: 400, title: 'No such subject of complaint.' },
  'services.complaint.service_required': {
    status: 400,
    title: 'Name the service the complaint is about.',
  },
  'services.complaint.officer_required': {
    status: 400,
    title: 'Name the officer the complaint is about.',
  },
  'services.complaint.description_required': { status: 400, title: 'Say what happened.' },
  'services.complaint.description_too_long': { status: 400, title: 'The description is too long.' },
  'services.complaint.unknown_application': {
    status: 400,
    title: 'No application has this tracking number.',
  },
  'services.complaint.bad_status': { status: 400, title: 'No such status.' },
  'services.complaint.not_complainant': {
    status: 403,
    title: 'Only the complainant may read the reply: give the phone number on file, or sign in.',
  },
  'services.complaint.decision_required': { status: 400, title: 'Write the decision.' },
  'services.complaint.reply_required': { status: 400, title: 'Write the reply to the complainant.' },
  'services.complaint.invalid_transition': {
    status: 409,
    title: 'The complaint cannot take this step from its status.',
  },
  // The dashboard
  'services.dashboard.bad_period': {
    status: 400,
    title: 'The period runs from a month (YYYY-MM) to a month not before it, at most 120 months.',
  },
});

export type ServicesErrorCode = keyof typeof SERVICES_ERRORS;

export const fail = failWith(SERVICES_ERRORS);
