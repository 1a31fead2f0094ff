/**
 * People sign in with an e-mail address or a Cambodian phone number, typed however they type
 * it: "012 345 678", "+855 12 345 678", "០១២៣៤៥៦៧៨" (Khmer digits). We store and compare one
 * normal form: e-mail in lower case, phone as +855 and the national number.
 */
const KHMER_DIGITS = /[០-៩]/g;

export type LoginKind = 'email' | 'phone';

export function normaliseLogin(raw: string): { kind: LoginKind; value: string } | null {
  const text = raw
    .normalize('NFC')
    .trim()
    .replace(KHMER_DIGITS, (digit) => String(digit.charCodeAt(0) - 0x17e0));
  if (text.includes('@')) {
    const email = text.toLowerCase();
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 254
      ? { kind: 'email', value: email }
      : null;
  }
  let digits = text.replace(/[\s().-]/g, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  if (!/^\d+$/.test(digits)) return null;
  if (digits.startsWith('855')) digits = digits.slice(3);
  if (digits.startsWith('0')) digits = digits.slice(1);
  // Cambodian national numbers have 8 or 9 digits after the trunk prefix.
  return digits.length >= 8 && digits.length <= 9 ? { kind: 'phone', value: `+855${digits}` } : null;
}
