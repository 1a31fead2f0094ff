/**
 * The councils catalogues (loaded with its lazy chunk, see i18n.ts): both languages have every
 * key, the module's keys are its own, every key the pages use exists, and the API's stable
 * codes the meeting pages show have their message.
 */
import { describe } from 'vitest';
import { checkModuleCatalogues } from '../../lib/module-catalogues.testing.ts';
import en from './locales/en.json';
import km from './locales/km.json';

describe('the councils catalogues', () => {
  checkModuleCatalogues({
    moduleUrl: new URL('.', import.meta.url),
    km,
    en,
    ownKeys: /^(errors\.)?councils\./,
    builtKeys: [
      ...['planned', 'held', 'closed', 'cancelled'].map((status) => `councils.meeting.status.${status}`),
      ...['ordinary', 'extraordinary'].map((kind) => `councils.meeting.kind.${kind}`),
      ...['present', 'excused', 'absent'].map((status) => `councils.attendance.${status}`),
      ...['for', 'against', 'abstain'].map((vote) => `councils.vote.${vote}`),
      ...['chief', 'deputy', 'member', 'governor', 'deputy_governor', 'head', 'secretary'].map(
        (role) => `councils.role.${role}`,
      ),
    ],
    errorCodes: [
      'councils.decision.no_quorum',
      'councils.decision.number_taken',
      'councils.vote.exceeds_present',
      'councils.attendance.not_member',
      'councils.meeting.place_missing',
    ],
  });
});
