import { describe, expect, it } from 'vitest';
import { normaliseCambodianPhone } from './phone.ts';

describe('normaliseCambodianPhone', () => {
  it('reads a number however it is typed, in Latin or Khmer digits, into one form', () => {
    for (const typed of [
      '012 345 678',
      '012-345-678',
      '(012) 345678',
      '+855 12 345 678',
      '85512345678',
      '០១២៣៤៥៦៧៨',
    ]) {
      expect(normaliseCambodianPhone(typed), typed).toBe('+85512345678');
    }
    expect(normaliseCambodianPhone('097 7123 456')).toBe('+855977123456');
  });

  it('refuses what is not a Cambodian number', () => {
    for (const typed of ['', '12345', '012 345 67a', '0012345678', '+1 202 555 0100 12', '០១២']) {
      expect(normaliseCambodianPhone(typed), typed).toBeNull();
    }
  });
});
