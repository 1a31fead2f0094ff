/**
 * The arithmetic of a meeting, no I/O: how many members make the quorum, and whether a vote
 * carries. The rules themselves are data (councils_quorum_rule per kind of organ,
 * councils_decision_kind per kind of decision): a share numerator/denominator of a base, and
 * whether the count must be more than that share (strict) or at least that share.
 */

export interface ShareRule {
  numerator: number;
  denominator: number;
  strict: boolean;
}

/** The smallest count that satisfies the rule over `base` (integers only, no rounding error). */
export function requiredCount(base: number, rule: ShareRule): number {
  const product = base * rule.numerator;
  return rule.strict ? Math.floor(product / rule.denominator) + 1 : Math.ceil(product / rule.denominator);
}

export function meetsShare(count: number, base: number, rule: ShareRule): boolean {
  return count >= requiredCount(base, rule);
}

export interface QuorumFacts {
  membersInOffice: number;
  present: number;
}

export function quorumOf(facts: QuorumFacts, rule: ShareRule): { required: number; met: boolean } {
  const required = requiredCount(facts.membersInOffice, rule);
  return { required, met: facts.membersInOffice > 0 && facts.present >= required };
}

export interface MajorityRule extends ShareRule {
  base: 'present' | 'in_office';
}

/** A motion carries when the votes for reach the kind's majority of its base. */
export function carries(
  votesFor: number,
  facts: QuorumFacts,
  rule: MajorityRule,
): { required: number; passed: boolean } {
  const base = rule.base === 'present' ? facts.present : facts.membersInOffice;
  const required = requiredCount(base, rule);
  return { required, passed: base > 0 && votesFor >= required };
}
