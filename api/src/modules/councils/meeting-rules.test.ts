import { describe, expect, it } from 'vitest';
import { carries, quorumOf, requiredCount } from './meeting-rules.ts';

const moreThanHalf = { numerator: 1, denominator: 2, strict: true };
const twoThirds = { numerator: 2, denominator: 3, strict: false };

describe('meeting arithmetic', () => {
  it('more than half: 5 members need 3, 6 need 4, 11 need 6', () => {
    expect(requiredCount(5, moreThanHalf)).toBe(3);
    expect(requiredCount(6, moreThanHalf)).toBe(4);
    expect(requiredCount(11, moreThanHalf)).toBe(6);
  });
  it('at least two thirds: 9 need 6, 10 need 7', () => {
    expect(requiredCount(9, twoThirds)).toBe(6);
    expect(requiredCount(10, twoThirds)).toBe(7);
  });
  it('quorum is never met by an organ without members', () => {
    expect(quorumOf({ membersInOffice: 0, present: 0 }, moreThanHalf).met).toBe(false);
    expect(quorumOf({ membersInOffice: 6, present: 3 }, moreThanHalf)).toEqual({ required: 4, met: false });
    expect(quorumOf({ membersInOffice: 6, present: 4 }, moreThanHalf)).toEqual({ required: 4, met: true });
  });
  it('a majority of the members in office differs from one of those present', () => {
    const facts = { membersInOffice: 9, present: 6 };
    expect(carries(4, facts, { ...moreThanHalf, base: 'present' }).passed).toBe(true);
    expect(carries(4, facts, { ...moreThanHalf, base: 'in_office' }).passed).toBe(false);
    expect(carries(5, facts, { ...moreThanHalf, base: 'in_office' }).passed).toBe(true);
  });
});
