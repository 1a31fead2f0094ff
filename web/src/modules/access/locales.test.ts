/**
 * The access module's own catalogues (citizens' sign-up, recovery and deleting one's account;
 * loaded with its lazy chunk, see i18n.ts): both languages have every key, the keys are the
 * module's own, every key the pages use exists, and the API's codes the pages show have text.
 */
import { describe } from 'vitest';
import { checkModuleCatalogues } from '../../lib/module-catalogues.testing.ts';
import en from './locales/en.json';
import km from './locales/km.json';

describe('the access catalogues', () => {
  checkModuleCatalogues({
    moduleUrl: new URL('.', import.meta.url),
    km,
    en,
    ownKeys: /^(access\.(phone|code|signUp|recover|delete)\.|errors\.access\.(code|sign_up|account)\.)/,
    builtKeys: ['access.code.sentSignUp', 'access.code.sentRecovery'],
    errorCodes: [
      'access.sign_up.phone_taken',
      'access.code.wrong',
      'access.code.expired',
      'access.code.used',
      'access.code.too_many_attempts',
      'access.code.throttled',
      'access.account.not_citizen',
      'access.user.phone_invalid',
      'access.password.too_short',
      'access.password.too_weak',
      'access.password.current_wrong',
    ],
  });
});
