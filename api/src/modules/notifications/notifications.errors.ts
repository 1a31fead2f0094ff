/**
 * Every error the notifications module answers: its HTTP status and a short English title. The
 * web shows its own Khmer and English text for each code (web/src/locales, `errors.<code>`).
 */
import { defineErrors, failWith } from '../../platform/errors.ts';

export const NOTIFICATIONS_ERRORS = defineErrors({
  'notifications.preference.bad_phone': {
    status: 400,
    title: 'Not a Cambodian phone number (e.g. 012 345 678 or +85512345678).',
  },
  'notifications.preference.bad_email': { status: 400, title: 'Not an e-mail address.' },
  'notifications.preference.bad_telegram_chat_id': {
    status: 400,
    title: 'Not a Telegram chat id (a number, or @ and a channel name).',
  },
  'notifications.preference.no_address': {
    status: 400,
    title: 'The chosen channel needs its address (a phone number, a Telegram chat id or an e-mail address).',
  },
});

export const fail = failWith(NOTIFICATIONS_ERRORS);
