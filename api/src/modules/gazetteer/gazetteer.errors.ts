/**
 * Every error the gazetteer answers, and every problem its imports report (status 'problem'):
 * the web shows each by its code (`errors.<code>` in web/src/locales). The problem codes of
 * the imports are listed here in full, although the readers pick them from tables
 * (import/validate.ts PROBLEM, boundaries/read-boundaries.ts).
 */
import { defineErrors, failWith } from '../../platform/errors.ts';

export const GAZETTEER_ERRORS = defineErrors({
  // The tree and its units.
  'gazetteer.unit.not_found': { status: 404, title: 'No administrative unit has this code.' },
  /** The one code for "unknown unit" in a request body, for every module (see platform/errors.ts). */
  'gazetteer.unit.unknown': { status: 400, title: 'No administrative unit has this code.' },
  'gazetteer.unit.name_required': { status: 400, title: 'A unit needs a Khmer name and a romanised name.' },
  'gazetteer.unit.bad_effective_date': {
    status: 400,
    title: 'The effective date does not fit the unit’s history.',
  },
  'gazetteer.unit.legal_reference_required': { status: 400, title: 'A change needs its legal reference.' },
  'gazetteer.unit.no_change': { status: 400, title: 'The unit already has these values.' },
  'gazetteer.changes.bad_range': { status: 400, title: 'The start date comes after the end date.' },
  // Restructuring: merges and splits.
  'gazetteer.merge.same_unit': { status: 400, title: 'A unit cannot be merged into itself.' },
  'gazetteer.merge.level_mismatch': { status: 400, title: 'Only units of the same level can be merged.' },
  'gazetteer.merge.has_children': {
    status: 400,
    title: 'The unit still has units below it: their codes start with its code, so they cannot follow it.',
  },
  'gazetteer.split.has_children': {
    status: 400,
    title: 'The unit still has units below it: their codes start with its code, so they cannot follow it.',
  },
  'gazetteer.split.bad_code': {
    status: 400,
    title: 'A new unit’s code must have the length of the split unit’s and start with its parent’s code.',
  },
  'gazetteer.split.code_taken': {
    status: 400,
    title: 'A new unit needs a code no unit has ever had (codes are identities).',
  },
  'gazetteer.split.bad_type': {
    status: 400,
    title: 'A new unit’s type must be a type of the split unit’s level.',
  },
  // Boundaries.
  'gazetteer.boundary.not_found': { status: 404, title: 'No boundary is stored for this unit.' },
  // The gazetteer import (one file, dry run by default).
  'gazetteer.import.has_problems': {
    status: 422,
    title: 'The file has problems: correct them, or apply only the valid part.',
  },
  'gazetteer.import.unreadable': { status: 'problem', title: 'The file cannot be read.' },
  'gazetteer.import.wrong_kind': {
    status: 415,
    title: 'The file is neither an Excel workbook (.xlsx) nor a CSV file.',
  },
  'gazetteer.import.wrong_layout': {
    status: 'problem',
    title: 'The file does not have the expected columns.',
  },
  'gazetteer.import.bad_code': { status: 'problem', title: 'This is not a gazetteer code.' },
  'gazetteer.import.unknown_type': { status: 'problem', title: 'Unknown unit type.' },
  'gazetteer.import.type_level_mismatch': {
    status: 'problem',
    title: 'The unit type does not match the level of the code.',
  },
  'gazetteer.import.empty_name_km': { status: 'problem', title: 'The Khmer name is empty.' },
  'gazetteer.import.duplicate_code': { status: 'problem', title: 'The code appears twice.' },
  'gazetteer.import.code_not_under_parent': {
    status: 'problem',
    title: 'The code does not start with its parent’s code.',
  },
  'gazetteer.import.missing_parent': {
    status: 'problem',
    title: 'The unit above this one is neither in the file nor in the tree.',
  },
  // The boundaries import (a GeoJSON file and its crosswalk).
  'gazetteer.boundary.not_json': { status: 'problem', title: 'The file is not JSON.' },
  'gazetteer.boundary.not_feature_collection': {
    status: 'problem',
    title: 'The file is not a GeoJSON FeatureCollection.',
  },
  'gazetteer.boundary.unsupported_crs': {
    status: 'problem',
    title: 'Only WGS84 longitude/latitude coordinates are accepted.',
  },
  'gazetteer.boundary.no_code_property': { status: 'problem', title: 'The features carry no unit code.' },
  'gazetteer.boundary.not_feature': { status: 'problem', title: 'An entry of the file is not a Feature.' },
  'gazetteer.boundary.not_in_crosswalk': { status: 'problem', title: 'The feature is not in the crosswalk.' },
  'gazetteer.boundary.missing_code': { status: 'problem', title: 'The feature has no unit code.' },
  'gazetteer.boundary.bad_code': { status: 'problem', title: 'This is not a gazetteer code.' },
  'gazetteer.boundary.unsupported_level': {
    status: 'problem',
    title: 'Boundaries are kept for provinces, districts and communes only.',
  },
  'gazetteer.boundary.bad_geometry': { status: 'problem', title: 'The geometry is not a valid polygon.' },
  'gazetteer.boundary.outside_cambodia': { status: 'problem', title: 'The geometry lies outside Cambodia.' },
  'gazetteer.boundary.duplicate_code': { status: 'problem', title: 'Two features have the same code.' },
  'gazetteer.boundary.unknown_code': { status: 'problem', title: 'No unit of the tree has this code.' },
  'gazetteer.boundary.crosswalk_unreadable': { status: 'problem', title: 'The crosswalk is not CSV.' },
  'gazetteer.boundary.crosswalk_columns': {
    status: 'problem',
    title: 'The crosswalk lacks the columns it needs.',
  },
  'gazetteer.boundary.crosswalk_duplicate_id': {
    status: 'problem',
    title: 'The crosswalk gives one feature two codes.',
  },
});

export type GazetteerErrorCode = keyof typeof GAZETTEER_ERRORS;

export const fail = failWith(GAZETTEER_ERRORS);
