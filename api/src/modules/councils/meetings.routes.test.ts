/**
 * Meetings and decisions on a real database: the quorum on the meeting's date (an ended
 * mandate does not count), a decision refused without quorum and nothing written, votes
 * deciding passed or failed, numbering per organ and year, decisions final once the meeting
 * closes, a budget's approval pointing at a decision through the councilDecisions port, the
 * tree-shaped access rule and the audit trail. Organs and members are made here (not the demo's).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { anonymous, signedIn, type Client } from '../../test-support/http.ts';
import { DEMO_PASSWORD } from '../access/index.ts';
import { call, convene, holdWith, makeOrgan, problem, type MemberSpec } from './councils.test-bed.ts';

let t: TestApp;
let anon: Client;
let admin: Client;
/** A commune clerk at sangkat 230201 (the demo account). */
let clerk: Client;

const DAY = '2026-11-20';

interface MeetingAnswer {
  id: number;
  status: string;
  agenda: { id: number; position: number; titleEn: string }[];
  attendance: { memberId: number; status: string | null }[];
  quorum: {
    membersInOffice: number;
    present: number;
    required: number;
    met: boolean;
    referenceIsExample: boolean;
  };
  decisions: DecisionAnswer[];
}
interface DecisionAnswer {
  id: number;
  number: number;
  reference: string;
  passed: boolean;
  votesFor: number;
  votes: { memberId: number; vote: string }[];
}

const makeCouncil = (unit: string, members: MemberSpec[]) => makeOrgan(admin, unit, members);

const agenda = [
  { titleKm: 'ថវិកាឆ្នាំ ២០៣១', titleEn: 'The 2031 budget', documentRef: 'draft-budget-2031.pdf' },
  { titleKm: 'ផ្សេងៗ', titleEn: 'Other business' },
];

let council: { organId: number; members: number[] };
let other: { organId: number; members: number[] };
let meeting: MeetingAnswer;
/** A passed budget decision of another sangkat's council. */
let otherUnitDecision: number;

beforeAll(async () => {
  t = await openTestApp();
  anon = anonymous(t.app);
  admin = await signedIn(t.app, 'admin@sndd.example', DEMO_PASSWORD);
  clerk = await signedIn(t.app, 'kep.clerk@sndd.example', DEMO_PASSWORD);
  // Five members in office on DAY; the sixth's mandate ended before it.
  council = await makeCouncil('230201', [
    { role: 'chief' },
    { role: 'deputy' },
    { role: 'member' },
    { role: 'member' },
    { role: 'member' },
    { role: 'member', endDate: '2026-10-31' },
  ]);
  other = await makeCouncil('230202', [{ role: 'chief' }, { role: 'member' }, { role: 'member' }]);
}, 300_000);
afterAll(async () => t.close());

describe('meetings', () => {
  it('convenes a meeting with its agenda in one request; the quorum counts members in office on its date', async () => {
    meeting = await call<MeetingAnswer>(
      clerk,
      'POST',
      `/api/councils/organs/${council.organId}/meetings`,
      { kind: 'ordinary', date: DAY, place: 'Sangkat hall', convenedBy: council.members[0], agenda },
      201,
    );
    expect(meeting.status).toBe('planned');
    expect(meeting.agenda.map((item) => [item.position, item.titleEn])).toEqual([
      [1, 'The 2031 budget'],
      [2, 'Other business'],
    ]);
    expect(meeting.attendance.map((line) => line.memberId)).not.toContain(council.members[5]);
    expect(meeting.quorum).toMatchObject({ membersInOffice: 5, present: 0, required: 3, met: false });
    expect(meeting.quorum.referenceIsExample).toBe(true);
  });

  it('refuses bad meetings with stable codes', async () => {
    const url = `/api/councils/organs/${council.organId}/meetings`;
    expect(await problem(clerk, 'POST', url, { kind: 'secret', date: DAY, place: 'x', agenda })).toEqual({
      status: 400,
      code: 'councils.meeting.bad_kind',
    });
    expect(await problem(clerk, 'POST', url, { kind: 'ordinary', date: DAY, agenda })).toEqual({
      status: 400,
      code: 'councils.meeting.place_missing',
    });
    // The ended member cannot convene a meeting after their mandate; a member of another council neither.
    for (const convenedBy of [council.members[5], other.members[0]]) {
      expect(
        await problem(clerk, 'POST', url, {
          kind: 'ordinary',
          date: DAY,
          isOnline: true,
          convenedBy,
          agenda,
        }),
      ).toEqual({
        status: 400,
        code: 'councils.meeting.convener_not_member',
      });
    }
    const future = await call<MeetingAnswer>(
      clerk,
      'POST',
      url,
      { kind: 'extraordinary', date: '2999-01-01', isOnline: true, agenda },
      201,
    );
    expect(await problem(clerk, 'PATCH', `/api/councils/meetings/${future.id}`, { status: 'held' })).toEqual({
      status: 409,
      code: 'councils.meeting.not_yet',
    });
    expect(
      await problem(clerk, 'PATCH', `/api/councils/meetings/${future.id}`, { status: 'closed' }),
    ).toEqual({
      status: 409,
      code: 'councils.meeting.bad_status_change',
    });
    const cancelled = await call<MeetingAnswer>(clerk, 'PATCH', `/api/councils/meetings/${future.id}`, {
      status: 'cancelled',
    });
    expect(cancelled.status).toBe('cancelled');
    expect(await problem(clerk, 'PATCH', `/api/councils/meetings/${future.id}`, { place: 'Hall' })).toEqual({
      status: 409,
      code: 'councils.meeting.frozen',
    });
  });

  it('lets no clerk of another commune manage, and everyone read', async () => {
    expect(
      await problem(clerk, 'POST', `/api/councils/organs/${other.organId}/meetings`, {
        kind: 'ordinary',
        date: DAY,
        place: 'Prey Thum',
        agenda,
      }),
    ).toEqual({ status: 403, code: 'auth.forbidden' });
    expect(
      await problem(anon, 'PUT', `/api/councils/meetings/${meeting.id}/attendance`, { attendance: [] }),
    ).toMatchObject({ status: 401 });
    const read = await call<MeetingAnswer>(anon, 'GET', `/api/councils/meetings/${meeting.id}`);
    expect(read.agenda).toHaveLength(2);
    const listed = await call<{ items: { id: number }[]; total: number; pageSize: number }>(
      anon,
      'GET',
      `/api/councils/meetings?unit=230201&pageSize=1`,
    );
    expect(listed.items).toHaveLength(1);
    expect(listed.total).toBeGreaterThanOrEqual(2);
  });
});

describe('invitations', () => {
  it('convening writes one invitation per member in office with a contact, in Khmer, in the same transaction', async () => {
    const invited = await makeOrgan(admin, '230202', [
      { role: 'chief', phone: '012 345 678' },
      { role: 'deputy', email: 'deputy@example.org' },
      { role: 'member', phone: '+855 17 222 333', email: 'member@example.org' },
      { role: 'member' }, // no contact: invited on paper
      { role: 'member', phone: '092 111 222', endDate: '2026-10-31' }, // not in office on the day
    ]);
    const messagesOf = (meetingId: number) =>
      t.db.kysely
        .selectFrom('notifications_message')
        .select([
          'recipient_phone',
          'recipient_email',
          'text_km',
          'text_en',
          'topic',
          'unit_code',
          'reference',
        ])
        .where('source_module', '=', 'councils')
        .where('entity_type', '=', 'councils.meeting')
        .where('entity_id', '=', String(meetingId))
        .orderBy('id')
        .execute();
    const url = `/api/councils/organs/${invited.organId}/meetings`;
    // A refused convening invites nobody (the convener's mandate ended before the day).
    expect(
      await problem(admin, 'POST', url, {
        kind: 'ordinary',
        date: DAY,
        place: 'Prey Thum',
        convenedBy: invited.members[4],
        agenda,
      }),
    ).toEqual({ status: 400, code: 'councils.meeting.convener_not_member' });
    const before = await t.db.kysely
      .selectFrom('notifications_message')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source_module', '=', 'councils')
      .executeTakeFirstOrThrow();

    const convened = await call<MeetingAnswer>(
      admin,
      'POST',
      url,
      { kind: 'extraordinary', date: DAY, place: 'Prey Thum', isOnline: true, agenda },
      201,
    );
    const messages = await messagesOf(convened.id);
    expect(messages.map((message) => [message.recipient_phone, message.recipient_email])).toEqual([
      ['+85512345678', null],
      [null, 'deputy@example.org'],
      ['+85517222333', 'member@example.org'],
    ]);
    for (const message of messages) {
      expect(message).toMatchObject({
        topic: 'council.meeting.invitation',
        unit_code: '230202',
        reference: DAY,
      });
      expect(message.text_km).toMatch(/^សូមគោរពអញ្ជើញ សមាជិក \d ចូលរួមកិច្ចប្រជុំវិសាមញ្ញនៃក្រុមប្រឹក្សាសាកល្បង/);
      expect(message.text_km).toContain('២០/១១/២០២៦');
      expect(message.text_km).toContain('ថវិកាឆ្នាំ ២០៣១');
      expect(message.text_en).toContain(
        'extraordinary meeting of Test council on 2026-11-20 at Prey Thum and online',
      );
    }
    const after = await t.db.kysely
      .selectFrom('notifications_message')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source_module', '=', 'councils')
      .executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(3);
  });

  it('a planned meeting that moves or is cancelled tells the members invited, in the same transaction', async () => {
    const organ = await makeOrgan(admin, '230202', [
      { role: 'chief', phone: '012 345 679' },
      { role: 'deputy', email: 'moved@example.org' },
      { role: 'member' }, // no contact: told on paper
      { role: 'member', phone: '092 111 223', endDate: '2026-11-25' }, // invited, not in office after the move
    ]);
    const meetingId = await convene(admin, organ.organId, DAY, { agenda });
    const url = `/api/councils/meetings/${meetingId}`;
    const notices = (topic: string) =>
      t.db.kysely
        .selectFrom('notifications_message')
        .select(['recipient_phone', 'recipient_email', 'text_km', 'text_en', 'reference', 'subject_status'])
        .where('entity_type', '=', 'councils.meeting')
        .where('entity_id', '=', String(meetingId))
        .where('topic', '=', topic)
        .orderBy('id')
        .execute();
    expect(await notices('council.meeting.invitation')).toHaveLength(3);

    // A refused change tells nobody; a change of the agenda alone is no move.
    expect(await problem(admin, 'PATCH', url, { date: '2026-11-27', place: null, isOnline: false })).toEqual({
      status: 400,
      code: 'councils.meeting.place_missing',
    });
    await call(admin, 'PATCH', url, { agenda: [...agenda, { titleKm: 'សំណួរ', titleEn: 'Questions' }] });
    expect(await notices('council.meeting.moved')).toHaveLength(0);

    await call(admin, 'PATCH', url, { date: '2026-11-27', place: 'Kep hall' });
    const moved = await notices('council.meeting.moved');
    // Those invited (in office on the 20th), each once, though one's mandate ends before the 27th.
    expect(moved.map((message) => [message.recipient_phone, message.recipient_email])).toEqual([
      ['+85512345679', null],
      [null, 'moved@example.org'],
      ['+85592111223', null],
    ]);
    for (const message of moved) {
      expect(message).toMatchObject({ reference: '2026-11-27', subject_status: 'moved' });
      expect(message.text_km).toMatch(/^សូមជម្រាបជូន សមាជិក \d៖ កិច្ចប្រជុំសាមញ្ញនៃក្រុមប្រឹក្សាសាកល្បង/);
      expect(message.text_km).toContain('២០/១១/២០២៦');
      expect(message.text_km).toContain('២៧/១១/២០២៦ នៅ Kep hall');
      expect(message.text_en).toContain(
        'planned on 2026-11-20 has moved: it now takes place on 2026-11-27 at Kep hall.',
      );
    }

    await call(admin, 'PATCH', url, { status: 'cancelled' });
    const cancelled = await notices('council.meeting.cancelled');
    // In office on the 27th: the member whose mandate ended on the 25th is no longer told.
    expect(cancelled.map((message) => message.recipient_phone ?? message.recipient_email)).toEqual([
      '+85512345679',
      'moved@example.org',
    ]);
    expect(cancelled[0]).toMatchObject({ reference: '2026-11-27', subject_status: 'cancelled' });
    expect(cancelled[0]!.text_km).toContain('២៧/១១/២០២៦ ត្រូវបានលុបចោល');
    expect(cancelled[0]!.text_en).toBe(
      'Member 1, the ordinary meeting of Test council on 2026-11-27 is cancelled.',
    );
    // A cancelled meeting no longer changes: nothing more is sent.
    expect(await problem(admin, 'PATCH', url, { place: 'Elsewhere' })).toEqual({
      status: 409,
      code: 'councils.meeting.frozen',
    });
    expect(await notices('council.meeting.moved')).toHaveLength(3);
  });

  it('keeps members’ contacts personal: one form of phone, bad ones refused, hidden from the public', async () => {
    const organ = await makeOrgan(admin, '230202', []);
    const url = `/api/councils/organs/${organ.organId}/members`;
    const base = {
      nameKm: 'សមាជិក',
      nameLatin: 'Member',
      role: 'member',
      sex: 'male',
      startDate: '2026-01-01',
    };
    expect(await problem(admin, 'POST', url, { ...base, phone: '123' })).toEqual({
      status: 400,
      code: 'councils.member.bad_phone',
    });
    expect(await problem(admin, 'POST', url, { ...base, email: 'nobody' })).toEqual({
      status: 400,
      code: 'councils.member.bad_email',
    });
    const added = await call<{ id: number; phone: string }>(
      admin,
      'POST',
      url,
      { ...base, phone: '០១២ ៣៤៥ ៦៧៨' },
      201,
    );
    expect(added.phone).toBe('+85512345678');
    const read = await call<{ members: { id: number; phone?: unknown }[] }>(
      anon,
      'GET',
      `/api/councils/organs/${organ.organId}`,
    );
    expect(read.members.find((member) => member.id === added.id)).not.toHaveProperty('phone');
  });
});

describe('the numbering pattern of an organ’s decisions', () => {
  it('refuses a bad pattern with its code, cites decisions in the organ’s pattern, and never renames one taken', async () => {
    const organ = await makeOrgan(admin, '230202', ['chief', 'deputy', 'member']);
    const organUrl = `/api/councils/organs/${organ.organId}`;
    for (const pattern of ['{number}', '{num}/{year}', '{number}/{year:2}', '', '{number}/{year} }']) {
      expect(await problem(admin, 'PATCH', organUrl, { decisionNumberPattern: pattern }), pattern).toEqual({
        status: 400,
        code: 'councils.organ.bad_number_pattern',
      });
    }
    expect(
      await problem(admin, 'POST', '/api/councils/units/230202/organs', {
        kind: 'committee',
        nameKm: 'គណៈកម្មាធិការ',
        nameEn: 'Committee',
        decisionNumberPattern: 'no placeholders',
      }),
    ).toEqual({ status: 400, code: 'councils.organ.bad_number_pattern' });
    const set = await call<{ decisionNumberPattern: string | null }>(admin, 'PATCH', organUrl, {
      decisionNumberPattern: '{number_km:3}/{year_km} ស.ក.ស',
    });
    expect(set.decisionNumberPattern).toBe('{number_km:3}/{year_km} ស.ក.ស');

    const meetingId = await convene(admin, organ.organId, DAY, { agenda });
    await holdWith(admin, meetingId, organ.members);
    const decide = () =>
      call<DecisionAnswer>(
        admin,
        'POST',
        `/api/councils/meetings/${meetingId}/decisions`,
        {
          kind: 'other',
          titleKm: 'សេចក្ដីសម្រេច',
          titleEn: 'A decision',
          tally: { for: 3, against: 0, abstain: 0 },
        },
        201,
      );
    const first = await decide();
    expect(first).toMatchObject({ number: 1, reference: '០០១/២០២៦ ស.ក.ស' });

    // Back to the default: the next decision is 2/2026, the first keeps its reference.
    await call(admin, 'PATCH', organUrl, { decisionNumberPattern: null });
    const second = await decide();
    expect(second).toMatchObject({ number: 2, reference: '2/2026' });
    const read = await call<DecisionAnswer>(anon, 'GET', `/api/councils/decisions/${first.id}`);
    expect(read.reference).toBe('០០១/២០២៦ ស.ក.ស');
  });
});

describe('attendance, quorum and decisions', () => {
  const [chief, deputy, m3, m4, m5] = [0, 1, 2, 3, 4];
  const attendanceUrl = () => `/api/councils/meetings/${meeting.id}/attendance`;
  const decisionsUrl = () => `/api/councils/meetings/${meeting.id}/decisions`;
  const id = (index: number) => council.members[index]!;

  it('refuses a decision without quorum, and writes nothing', async () => {
    expect(
      await problem(clerk, 'PUT', attendanceUrl(), {
        attendance: [{ memberId: id(5), status: 'present' }],
      }),
    ).toEqual({ status: 400, code: 'councils.attendance.not_member' });
    const held = await call<MeetingAnswer>(clerk, 'PUT', attendanceUrl(), {
      attendance: [
        { memberId: id(chief), status: 'present' },
        { memberId: id(deputy), status: 'present' },
        { memberId: id(m3), status: 'excused' },
      ],
      observersFemale: 7,
      observersMale: 5,
    });
    expect(held.status).toBe('held');
    expect(held.quorum).toMatchObject({ membersInOffice: 5, present: 2, required: 3, met: false });
    // Not listed: absent.
    expect(held.attendance.find((line) => line.memberId === id(m5))?.status).toBe('absent');
    expect(
      await problem(clerk, 'POST', decisionsUrl(), {
        kind: 'other',
        titleKm: 'សេចក្ដីសម្រេច',
        titleEn: 'A decision',
        tally: { for: 2, against: 0, abstain: 0 },
      }),
    ).toEqual({ status: 409, code: 'councils.decision.no_quorum' });
    const count = await t.db.kysely
      .selectFrom('councils_decision')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('meeting_id', '=', meeting.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('decides passed or failed from the votes and the kind’s majority', async () => {
    const held = await call<MeetingAnswer>(clerk, 'PUT', attendanceUrl(), {
      attendance: [chief, deputy, m3, m4].map((index) => ({ memberId: id(index), status: 'present' })),
    });
    expect(held.quorum).toMatchObject({ present: 4, required: 3, met: true });
    const budgetItem = held.agenda[0]!.id;

    // approve_budget needs more than half of the 5 in office: 2 for fails, even with 1 against.
    const failed = await call<DecisionAnswer>(
      clerk,
      'POST',
      decisionsUrl(),
      {
        kind: 'approve_budget',
        titleKm: 'អនុម័តថវិកា',
        titleEn: 'Approve the 2031 budget',
        agendaItemId: budgetItem,
        tally: { for: 2, against: 1, abstain: 1 },
      },
      201,
    );
    expect(failed).toMatchObject({ number: 1, reference: '1/2026', passed: false, votesFor: 2 });

    const votes = [
      { memberId: id(chief), vote: 'for' },
      { memberId: id(deputy), vote: 'for' },
      { memberId: id(m3), vote: 'for' },
      { memberId: id(m4), vote: 'against' },
    ];
    const passed = await call<DecisionAnswer>(
      clerk,
      'POST',
      decisionsUrl(),
      {
        kind: 'approve_budget',
        titleKm: 'អនុម័តថវិកា',
        titleEn: 'Approve the 2031 budget (second vote)',
        agendaItemId: budgetItem,
        votes,
      },
      201,
    );
    expect(passed).toMatchObject({ number: 2, reference: '2/2026', passed: true, votesFor: 3 });
    expect(passed.votes).toHaveLength(4);

    // 'other' needs more than half of the 4 present: 2 for of 4 fails.
    const other = await call<DecisionAnswer>(
      clerk,
      'POST',
      decisionsUrl(),
      {
        kind: 'other',
        titleKm: 'ផ្សេងៗ',
        titleEn: 'Other',
        number: 7,
        tally: { for: 3, against: 1, abstain: 0 },
      },
      201,
    );
    expect(other).toMatchObject({ number: 7, passed: true });
  });

  it('refuses bad votes and a number used twice', async () => {
    const base = { kind: 'other', titleKm: 'ក', titleEn: 'A' };
    const cases: [unknown, number, string][] = [
      [
        { ...base, number: 2, tally: { for: 1, against: 0, abstain: 0 } },
        409,
        'councils.decision.number_taken',
      ],
      [{ ...base, tally: { for: 4, against: 1, abstain: 0 } }, 400, 'councils.vote.exceeds_present'],
      [{ ...base, votes: [{ memberId: id(m5), vote: 'for' }] }, 400, 'councils.vote.not_present'],
      [{ ...base, votes: [{ memberId: id(chief), vote: 'maybe' }] }, 400, 'councils.vote.bad_vote'],
      [
        {
          ...base,
          votes: [
            { memberId: id(chief), vote: 'for' },
            { memberId: id(chief), vote: 'for' },
          ],
        },
        400,
        'councils.vote.duplicate',
      ],
      [base, 400, 'councils.vote.missing'],
      [
        { ...base, kind: 'nonsense', tally: { for: 1, against: 0, abstain: 0 } },
        400,
        'councils.decision.bad_kind',
      ],
      [
        { ...base, agendaItemId: 999999, tally: { for: 1, against: 0, abstain: 0 } },
        400,
        'councils.decision.bad_agenda_item',
      ],
    ];
    for (const [body, status, code] of cases) {
      expect(await problem(clerk, 'POST', decisionsUrl(), body)).toEqual({ status, code });
    }
    // Attendance is fixed once decisions were taken with it.
    expect(await problem(clerk, 'PUT', attendanceUrl(), { attendance: [] })).toEqual({
      status: 409,
      code: 'councils.attendance.decisions_taken',
    });
  });
});

describe('a budget’s approval points at a decision', () => {
  const YEAR = 2031;
  let budgetId: number;
  let decisions: DecisionAnswer[];

  beforeAll(async () => {
    decisions = (await call<MeetingAnswer>(anon, 'GET', `/api/councils/meetings/${meeting.id}`)).decisions;
    // A passed budget decision of another sangkat's council.
    const elsewhere = await call<MeetingAnswer>(
      admin,
      'POST',
      `/api/councils/organs/${other.organId}/meetings`,
      { kind: 'ordinary', date: DAY, place: 'Prey Thum', agenda },
      201,
    );
    await call(admin, 'PUT', `/api/councils/meetings/${elsewhere.id}/attendance`, {
      attendance: other.members.map((memberId) => ({ memberId, status: 'present' })),
    });
    otherUnitDecision = (
      await call<DecisionAnswer>(
        admin,
        'POST',
        `/api/councils/meetings/${elsewhere.id}/decisions`,
        {
          kind: 'approve_budget',
          titleKm: 'ថវិកា',
          titleEn: 'Budget',
          tally: { for: 3, against: 0, abstain: 0 },
        },
        201,
      )
    ).id;
    const budget = await call<{ id: number }>(
      clerk,
      'POST',
      `/api/budgets/units/230201/years/${YEAR}`,
      undefined,
      201,
    );
    budgetId = budget.id;
    await call(
      clerk,
      'POST',
      `/api/budgets/${budgetId}/lines`,
      { economicCode: '71', fundSourceCode: 'own_source', amount: 1_000_000, descriptionEn: 'Fees' },
      201,
    );
  });

  it('refuses a decision that failed, of another unit, of another kind, or unknown', async () => {
    const [failed, passed, other] = [...decisions].sort((a, b) => a.number - b.number);
    expect(passed!.passed).toBe(true);
    const approve = (councilDecisionId: number) =>
      problem(clerk, 'POST', `/api/budgets/${budgetId}/approve`, { councilDecisionId });
    expect(await approve(failed!.id)).toEqual({ status: 409, code: 'budgets.council_decision.not_passed' });
    expect(await approve(otherUnitDecision)).toEqual({
      status: 409,
      code: 'budgets.council_decision.wrong_unit',
    });
    expect(await approve(other!.id)).toEqual({ status: 409, code: 'budgets.council_decision.wrong_kind' });
    expect(await approve(99_999_999)).toEqual({ status: 400, code: 'budgets.council_decision.not_found' });
    const still = await call<{ phase: string }>(clerk, 'GET', `/api/budgets/units/230201/years/${YEAR}`);
    expect(still.phase).toBe('proposed');
  });

  it('approves with a passed decision of the unit’s council, taking its number and date', async () => {
    const passed = decisions.find((decision) => decision.number === 2)!;
    const approved = await call<{
      phase: string;
      councilDecision: { number: string; date: string; decisionId: number | null };
    }>(clerk, 'POST', `/api/budgets/${budgetId}/approve`, { councilDecisionId: passed.id });
    expect(approved.phase).toBe('approved');
    expect(approved.councilDecision).toEqual({ number: '2/2026', date: DAY, decisionId: passed.id });
  });
});

describe('closing', () => {
  it('makes decisions final: no change, no new decision; a later decision amends', async () => {
    const closed = await call<MeetingAnswer>(clerk, 'PATCH', `/api/councils/meetings/${meeting.id}`, {
      status: 'closed',
    });
    expect(closed.status).toBe('closed');
    const first = closed.decisions[0]!;
    expect(
      await problem(clerk, 'PATCH', `/api/councils/decisions/${first.id}`, { titleEn: 'Changed' }),
    ).toEqual({ status: 409, code: 'councils.decision.frozen' });
    expect(
      await problem(clerk, 'POST', `/api/councils/meetings/${meeting.id}/decisions`, {
        kind: 'other',
        titleKm: 'ក',
        titleEn: 'A',
        tally: { for: 3, against: 0, abstain: 0 },
      }),
    ).toEqual({ status: 409, code: 'councils.decision.frozen' });

    // The next meeting takes a decision that amends it (number 8: after 7, the organ's year goes on).
    const next = await call<MeetingAnswer>(
      clerk,
      'POST',
      `/api/councils/organs/${council.organId}/meetings`,
      { kind: 'extraordinary', date: '2026-11-27', isOnline: true, agenda },
      201,
    );
    await call(clerk, 'PUT', `/api/councils/meetings/${next.id}/attendance`, {
      attendance: council.members.slice(0, 5).map((memberId) => ({ memberId, status: 'present' })),
    });
    const amending = await call<DecisionAnswer & { amendsDecisionId: number }>(
      clerk,
      'POST',
      `/api/councils/meetings/${next.id}/decisions`,
      {
        kind: 'other',
        titleKm: 'កែ',
        titleEn: 'Amends',
        amendsDecisionId: first.id,
        tally: { for: 5, against: 0, abstain: 0 },
      },
      201,
    );
    expect(amending).toMatchObject({ number: 8, amendsDecisionId: first.id, passed: true });
    expect(
      await problem(clerk, 'POST', `/api/councils/meetings/${next.id}/decisions`, {
        kind: 'other',
        titleKm: 'កែ',
        titleEn: 'Amends',
        amendsDecisionId: otherUnitDecision,
        tally: { for: 5, against: 0, abstain: 0 },
      }),
    ).toEqual({ status: 400, code: 'councils.decision.bad_amends' });

    const register = await call<{ items: DecisionAnswer[]; total: number }>(
      anon,
      'GET',
      `/api/councils/decisions?unit=230201&from=2026-11-01&to=2026-11-30&pageSize=2`,
    );
    expect(register.total).toBe(4);
    expect(register.items).toHaveLength(2);
  });

  it('keeps every change in the audit trail with the actor and the unit', async () => {
    const records = await t.db.kysely
      .selectFrom('audit_record')
      .select(['action', 'actor_login', 'unit_code'])
      .where('entity_type', '=', 'councils.meeting')
      .where('entity_id', '=', String(meeting.id))
      .orderBy('seq')
      .execute();
    expect(records.map((record) => record.action)).toEqual([
      'councils.meeting.create',
      'councils.meeting.attendance',
      'councils.meeting.attendance',
      'councils.meeting.close',
    ]);
    expect(records.every((record) => record.actor_login === 'kep.clerk@sndd.example')).toBe(true);
    expect(records.every((record) => record.unit_code === '230201')).toBe(true);
    const decisionRecords = await t.db.kysely
      .selectFrom('audit_record')
      .select(['action', 'after'])
      .where('entity_type', '=', 'councils.decision')
      .where('unit_code', '=', '230201')
      .execute();
    expect(decisionRecords.filter((record) => record.action === 'councils.decision.create')).toHaveLength(4);
  });
});
