/**
 * Applications, one file per use case (see README.md):
 *   application-filing.service.ts   filing, online, at the counter or through Open311 (group commit)
 *   application-steps.service.ts    the status path, one step at a time
 *   application-fees.service.ts     the fee and its receipt; fees collected (own-source revenue)
 *   application-rating.service.ts   the applicant's rating
 *   application-files.service.ts    attachments
 *   application-reading.service.ts  tracking, one application, lists
 *   application-views.ts            what they share (the full view, the message, who may open it)
 */
export { fileApplication, writeFilings } from './application-filing.service.ts';
export type { CheckedFiling, FilingInput, WrittenFiling } from './application-filing.service.ts';
export { changeStatus, unitOfApplication } from './application-steps.service.ts';
export { feesCollected, recordFee } from './application-fees.service.ts';
export { rateApplication } from './application-rating.service.ts';
export { addAttachment, readAttachment } from './application-files.service.ts';
export {
  getApplication,
  listApplications,
  myApplications,
  trackApplication,
} from './application-reading.service.ts';
export { applicationNotFound, isOverdue, NEXT_STATUSES, trackingNumberOf } from './application-views.ts';
