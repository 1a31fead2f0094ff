/**
 * Decisions taken at a held meeting: numbered per organ and year, each answering an item of
 * the agenda, with the vote of each member present or a recorded tally. A decision is taken
 * only when the meeting had its quorum; it passes when the votes for reach the majority of
 * its kind (data). Once the meeting is closed its decisions are final: a correction is a new
 * decision that amends the old one. Also the port other modules use to point at a decision.
 */
import type { Updateable } from 'kysely';
import type { Actor } from '../../platform/actor.ts';
import type { PageResult } from '../../platform/http/paging.ts';
import type { AnyDb } from '../../platform/ports.ts';
import { auditedDecision, decisionReference, toDecision } from './councils.answers.ts';
import { formatDecisionNumber } from './decision-number.ts';
import type { CouncilsContext } from './councils.context.ts';
import { fail } from './councils.errors.ts';
import type {
  CreateDecisionBody,
  Decision,
  DecisionKind,
  DecisionListQuery,
  UpdateDecisionBody,
} from './councils.schemas.ts';
import { VOTES, type CouncilsDb, type CouncilsDecisionTable, type Vote } from './councils.tables.ts';
import {
  findDecision,
  findDecisionKind,
  findDecisionUnit,
  insertDecision,
  insertVotes,
  isNumberTaken,
  lockOrgan,
  nextDecisionNumber,
  selectDecisionKinds,
  selectDecisions,
  selectVotes,
  updateDecision as updateDecisionRow,
  type DecisionWithContext,
} from './decisions.queries.ts';
import { carries } from './meeting-rules.ts';
import { findMeeting, lockMeeting, selectAgenda } from './meetings.queries.ts';
import { meetingFacts } from './meetings.service.ts';

/** Unit locator for the access check: the unit of the decision a path names. */
export async function unitOfDecision(db: CouncilsDb, id: number): Promise<string> {
  const unit = await findDecisionUnit(db, id);
  if (unit === undefined) throw fail('councils.decision.not_found');
  return unit;
}

async function answer(db: CouncilsDb, id: number): Promise<Decision> {
  const row = await findDecision(db, id);
  if (!row) throw fail('councils.decision.not_found');
  return toDecision(row, await selectVotes(db, [id]));
}

export async function getDecision(ctx: CouncilsContext, input: { id: number }): Promise<Decision> {
  return answer(ctx.db, input.id);
}

export async function listDecisions(
  ctx: CouncilsContext,
  query: DecisionListQuery,
): Promise<PageResult<Decision>> {
  const { rows, total } = await selectDecisions(ctx.db, {
    unitCode: query.unit,
    organId: query.organ,
    organKind: query.organKind,
    meetingId: query.meeting,
    kind: query.kind,
    passed: query.passed,
    q: query.q,
    from: query.from,
    to: query.to,
    page: query.page,
    pageSize: query.pageSize,
  });
  // Votes per member exist only for decisions recorded so (a tally has none to read).
  const votes = await selectVotes(
    ctx.db,
    rows.filter((row) => row.vote_mode === 'per_member').map((row) => row.id),
  );
  return {
    items: rows.map((row) => toDecision(row, votes)),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

export async function listDecisionKinds(ctx: CouncilsContext): Promise<DecisionKind[]> {
  const rows = await selectDecisionKinds(ctx.db);
  return rows.map((row) => ({
    code: row.code,
    nameKm: row.name_km,
    nameEn: row.name_en,
    majorityBase: row.majority_base,
    ruleKm: row.rule_km,
    ruleEn: row.rule_en,
    legalReference: row.legal_reference,
    referenceIsExample: row.reference_is_example,
  }));
}

/** The counts of a vote: from each member present, or the tally; never more than those present. */
function countVotes(
  body: CreateDecisionBody,
  present: Set<number>,
): {
  mode: 'per_member' | 'tally';
  votes: { member_id: number; vote: Vote }[];
  for: number;
  against: number;
  abstain: number;
} {
  if ((body.votes === undefined) === (body.tally === undefined)) throw fail('councils.vote.missing');
  if (body.tally !== undefined) {
    const { for: yes, against, abstain } = body.tally;
    if (yes + against + abstain > present.size) {
      throw fail(
        'councils.vote.exceeds_present',
        `${yes + against + abstain} votes, ${present.size} present.`,
      );
    }
    return { mode: 'tally', votes: [], for: yes, against, abstain };
  }
  const votes: { member_id: number; vote: Vote }[] = [];
  const seen = new Set<number>();
  for (const line of body.votes!) {
    if (!(VOTES as readonly string[]).includes(line.vote)) {
      throw fail('councils.vote.bad_vote', `Member ${line.memberId}: ${line.vote}.`);
    }
    if (!present.has(line.memberId)) throw fail('councils.vote.not_present', `Member ${line.memberId}.`);
    if (seen.has(line.memberId)) throw fail('councils.vote.duplicate', `Member ${line.memberId}.`);
    seen.add(line.memberId);
    votes.push({ member_id: line.memberId, vote: line.vote as Vote });
  }
  const count = (vote: Vote) => votes.filter((line) => line.vote === vote).length;
  return {
    mode: 'per_member',
    votes,
    for: count('for'),
    against: count('against'),
    abstain: count('abstain'),
  };
}

export async function takeDecision(
  ctx: CouncilsContext,
  actor: Actor,
  input: { meetingId: number; body: CreateDecisionBody },
): Promise<Decision> {
  const { meetingId, body } = input;
  return ctx.inTransaction(async (trx) => {
    const locked = await lockMeeting(trx, meetingId);
    if (!locked) throw fail('councils.meeting.not_found');
    const meeting = (await findMeeting(trx, meetingId))!;
    if (meeting.status === 'closed') throw fail('councils.decision.frozen');
    if (meeting.status !== 'held') throw fail('councils.decision.meeting_not_held');
    const kind = await findDecisionKind(trx, body.kind);
    if (!kind) throw fail('councils.decision.bad_kind', `Not a kind of decision: ${body.kind}.`);

    const facts = await meetingFacts(trx, meeting, meeting.organ_kind);
    if (!facts.quorum.met) {
      throw fail(
        'councils.decision.no_quorum',
        `${facts.quorum.present} of ${facts.quorum.membersInOffice} members present; ${facts.quorum.required} required.`,
      );
    }
    const present = new Set(
      facts.members
        .filter((member) => facts.attendance.get(member.id) === 'present')
        .map((member) => member.id),
    );
    const counted = countVotes(body, present);

    const agendaItemId = body.agendaItemId ?? null;
    if (agendaItemId !== null) {
      const agenda = await selectAgenda(trx, [meetingId]);
      if (!agenda.some((item) => item.id === agendaItemId)) throw fail('councils.decision.bad_agenda_item');
    }
    const amends = body.amendsDecisionId ?? null;
    if (amends !== null) {
      const earlier = await findDecision(trx, amends);
      if (!earlier || earlier.organ_id !== meeting.organ_id) throw fail('councils.decision.bad_amends');
    }

    const year = Number(meeting.meeting_date.slice(0, 4));
    const pattern = await lockOrgan(trx, meeting.organ_id); // one number at a time per organ
    let number = body.number;
    if (number === undefined) number = await nextDecisionNumber(trx, meeting.organ_id, year);
    else if (await isNumberTaken(trx, meeting.organ_id, year, number)) {
      throw fail('councils.decision.number_taken', `${number}/${year}.`);
    }

    const outcome = carries(
      counted.for,
      { membersInOffice: facts.quorum.membersInOffice, present: facts.quorum.present },
      {
        base: kind.majority_base,
        numerator: kind.majority_numerator,
        denominator: kind.majority_denominator,
        strict: kind.majority_strict,
      },
    );
    const row = await insertDecision(trx, {
      organ_id: meeting.organ_id,
      meeting_id: meetingId,
      agenda_item_id: agendaItemId,
      decision_year: year,
      number,
      reference: formatDecisionNumber(pattern, number, year),
      decision_date: meeting.meeting_date,
      kind: kind.code,
      title_km: body.titleKm.trim(),
      title_en: body.titleEn.trim(),
      amends_decision_id: amends,
      vote_mode: counted.mode,
      votes_for: counted.for,
      votes_against: counted.against,
      votes_abstain: counted.abstain,
      members_in_office: facts.quorum.membersInOffice,
      members_present: facts.quorum.present,
      quorum_met: true,
      passed: outcome.passed,
    });
    await insertVotes(trx, row.id, counted.votes);
    await ctx.audit.write(trx, actor, {
      action: 'councils.decision.create',
      entityType: 'councils.decision',
      entityId: String(row.id),
      unitCode: meeting.unit_code,
      after: auditedDecision(row, counted.votes),
    });
    return answer(trx, row.id);
  });
}

/** Corrects a decision's titles or the item it answers, while its meeting is not closed. */
export async function updateDecision(
  ctx: CouncilsContext,
  actor: Actor,
  input: { id: number; body: UpdateDecisionBody },
): Promise<Decision> {
  const { id, body } = input;
  return ctx.inTransaction(async (trx) => {
    const current = await findDecision(trx, id);
    if (!current) throw fail('councils.decision.not_found');
    const meeting = await lockMeeting(trx, current.meeting_id);
    if (meeting?.status !== 'held') throw fail('councils.decision.frozen');
    const before = (await findDecision(trx, id))!;
    const changes: Updateable<CouncilsDecisionTable> = {};
    if (body.titleKm !== undefined) changes.title_km = body.titleKm.trim();
    if (body.titleEn !== undefined) changes.title_en = body.titleEn.trim();
    if (body.agendaItemId !== undefined) {
      if (body.agendaItemId !== null) {
        const agenda = await selectAgenda(trx, [before.meeting_id]);
        if (!agenda.some((item) => item.id === body.agendaItemId))
          throw fail('councils.decision.bad_agenda_item');
      }
      changes.agenda_item_id = body.agendaItemId;
    }
    const after = await updateDecisionRow(trx, id, changes);
    await ctx.audit.write(trx, actor, {
      action: 'councils.decision.update',
      entityType: 'councils.decision',
      entityId: String(id),
      unitCode: before.unit_code,
      before: auditedDecision(before),
      after: auditedDecision(after),
    });
    return answer(trx, id);
  });
}

// ---------------------------------------------------------------------------------- the port

/** A decision as other modules see it (budgets, plans): who took it, when, and whether it passed. */
export interface CouncilDecisionRef {
  id: number;
  unitCode: string;
  organId: number;
  organKind: string;
  kind: string;
  reference: string;
  date: string;
  titleKm: string;
  titleEn: string;
  passed: boolean;
  isFinal: boolean;
}

const toRef = (row: DecisionWithContext): CouncilDecisionRef => ({
  id: row.id,
  unitCode: row.unit_code,
  organId: row.organ_id,
  organKind: row.organ_kind,
  kind: row.kind,
  reference: decisionReference(row),
  date: row.decision_date,
  titleKm: row.title_km,
  titleEn: row.title_en,
  passed: row.passed,
  isFinal: row.meeting_status === 'closed',
});

/** What an approving action asks of the decision it points at (`decisionId`). */
export interface DecisionRequirement {
  decisionId: number;
  /** The unit whose organ took it. */
  unitCode: string;
  /** The kind of organ (a budget: the council). */
  organKind: string;
  /** The kind of decision (a budget: approve_budget). */
  kind: string;
  /** The approval's date: the decision was taken on or before it. */
  onOrBefore: string;
}

/** Why a decision cannot back an approval, in the order they are checked. */
export type DecisionMismatch =
  'not_found' | 'wrong_unit' | 'wrong_organ' | 'wrong_kind' | 'not_passed' | 'after_date';

export type DecisionCheck =
  | { ok: true; decision: CouncilDecisionRef }
  | { ok: false; reason: DecisionMismatch; decision: CouncilDecisionRef | null };

/**
 * The one check every approval in the platform makes of the decision it points at (budgets
 * today, plans and appointments next): it exists, was taken by the right organ of the right
 * unit, is of the right kind, passed, and was taken on or before the approval's date.
 */
export async function checkDecision(db: AnyDb, need: DecisionRequirement): Promise<DecisionCheck> {
  const row = await findDecision(db as CouncilsDb, need.decisionId);
  if (!row) return { ok: false, reason: 'not_found', decision: null };
  const decision = toRef(row);
  const reason: DecisionMismatch | null =
    row.unit_code !== need.unitCode
      ? 'wrong_unit'
      : row.organ_kind !== need.organKind
        ? 'wrong_organ'
        : row.kind !== need.kind
          ? 'wrong_kind'
          : !row.passed
            ? 'not_passed'
            : row.decision_date > need.onOrBefore
              ? 'after_date'
              : null;
  return reason === null ? { ok: true, decision } : { ok: false, reason, decision };
}

export interface CouncilDecisionsPort {
  /** The decision, or null when there is none with this id. */
  decisionOf(db: AnyDb, id: number): Promise<CouncilDecisionRef | null>;
  /** Did the council of this unit pass decision `id`, of this kind? */
  isPassedDecisionOf(db: AnyDb, unitCode: string, id: number, kind: string): Promise<boolean>;
  /** The one check of an approval's decision (see `checkDecision`). */
  checkDecision(db: AnyDb, need: DecisionRequirement): Promise<DecisionCheck>;
}

export const councilDecisionsPort: CouncilDecisionsPort = {
  async decisionOf(db, id) {
    const row = await findDecision(db as CouncilsDb, id);
    return row ? toRef(row) : null;
  },
  async isPassedDecisionOf(db, unitCode, id, kind) {
    const row = await findDecision(db as CouncilsDb, id);
    return (
      row !== undefined &&
      row.passed &&
      row.unit_code === unitCode &&
      row.organ_kind === 'council' &&
      row.kind === kind
    );
  },
  checkDecision,
};
