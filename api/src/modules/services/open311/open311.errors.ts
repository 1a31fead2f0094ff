/**
 * The error codes of the Open311 part of the services module (its own manifest, `open311`).
 * It also answers the services module's codes (an unknown service, a request not found:
 * services.errors.ts) and the platform's (auth.*). Each goes out in Open311's error envelope
 * (open311.format.ts), our code first in the description.
 */
import { defineErrors, failWith, PLATFORM_ERRORS } from '../../../platform/errors.ts';

export const OPEN311_ERRORS = defineErrors({
  'open311.not_found': { status: 404, title: 'No such Open311 resource.' },
  'open311.method_not_allowed': { status: 405, title: 'This method is not served at this address.' },
  'open311.format.unknown': { status: 404, title: 'Ask for .json or .xml.' },
  'open311.api_key.missing': { status: 403, title: 'Send api_key: a personal API token.' },
  'open311.api_key.invalid': { status: 403, title: 'The api_key is not a valid, live API token.' },
  'open311.jurisdiction.not_found': { status: 404, title: 'No administrative unit has this code.' },
  'open311.jurisdiction.required': {
    status: 400,
    title: 'jurisdiction_id is required: the NCDD code of the office where the request is filed.',
  },
  'open311.service_code.required': { status: 400, title: 'service_code is required.' },
  'open311.request.bad_date': { status: 400, title: 'A date is not an ISO 8601 date and time.' },
  'open311.request.bad_dates': { status: 400, title: 'end_date comes before start_date.' },
  'open311.request.bad_status': { status: 400, title: 'status is open or closed.' },
  'open311.request.too_many_ids': { status: 400, title: 'Too many ids in one request.' },
  'open311.request.repeated_field': { status: 400, title: 'A field was sent more than once.' },
  'open311.request.bad_field': { status: 400, title: 'A field has a value of the wrong kind.' },
  'open311.request.bad_location': { status: 400, title: 'A coordinate is not in WGS84 degrees.' },
  'open311.request.outside_cambodia': {
    status: 400,
    title: 'The point (lat, long) is outside Cambodia.',
  },
  'open311.request.bad_media_url': { status: 400, title: 'media_url is not an http or https address.' },
  'open311.request.range_too_long': {
    status: 400,
    title: 'start_date and end_date may be at most 90 days apart (start_date alone: up to now).',
  },
  'open311.jurisdiction.mismatch': {
    status: 400,
    title: 'jurisdiction_id differs between the query string and the body.',
  },
  'open311.request.no_body': {
    status: 400,
    title: 'Send the request as application/x-www-form-urlencoded or as a JSON object.',
  },
});

export const fail = failWith(OPEN311_ERRORS);

/** The platform's codes the Open311 part answers itself (a token whose owner must change password). */
export const failPlatform = failWith(PLATFORM_ERRORS);
