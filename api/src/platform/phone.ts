/**
 * Cambodian phone numbers, as people type them: with spaces, dashes or brackets, with the
 * country code or the leading 0, in Latin or Khmer digits. Every module that keeps a phone
 * (applicants, citizens' requests to councils, notification contacts) stores it in one form,
 * +855 and the national number, so that the same person is found by the same number.
 */

const KHMER_DIGITS = /[០-៩]/g;

/** "012 345 678", "+855 12 345 678", "០១២៣៤៥៦៧៨" -> "+85512345678"; null when it is not a Cambodian number. */
export function normaliseCambodianPhone(raw: string): string | null {
  let digits = raw
    .normalize('NFC')
    .trim()
    .replace(KHMER_DIGITS, (digit) => String(digit.charCodeAt(0) - 0x17e0))
    .replace(/[\s().-]/g, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  if (!/^\d+$/.test(digits)) return null;
  if (digits.startsWith('855')) digits = digits.slice(3);
  if (digits.startsWith('0')) digits = digits.slice(1);
  // National numbers are 8 or 9 digits and never start with 0 (that is the trunk prefix).
  return /^[1-9]\d{7,8}$/.test(digits) ? `+855${digits}` : null;
}
