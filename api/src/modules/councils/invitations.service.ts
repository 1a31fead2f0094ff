/**
 * Invitations to a meeting (#15 item 1): convening a meeting writes one message to each member
 * in office on its date who has a contact (phone or e-mail), through the notifications module's
 * port, in the transaction that convenes it: the invitations exist exactly when the meeting
 * does, and are delivered after commit (SMS, Telegram or e-mail, the person's channel). Khmer
 * first, English beside. Members without a contact are invited on paper, as today.
 *
 * A planned meeting that moves (another date, place or online) or is cancelled tells the same
 * people, the same way, in the transaction of the change: every member with a contact who was
 * in office on the old date (those invited) or is on the new one.
 */
import type { CouncilsContext } from './councils.context.ts';
import type { CouncilsDb, MeetingKind, MemberRow } from './councils.tables.ts';
import { selectMembers } from './members.queries.ts';

export const INVITATION_TOPIC = 'council.meeting.invitation';
export const MOVED_TOPIC = 'council.meeting.moved';
export const CANCELLED_TOPIC = 'council.meeting.cancelled';

/** 0-9 as ០-៩. */
const toKhmerDigits = (text: string) =>
  text.replace(/\d/g, (digit) => String.fromCharCode(0x17e0 + Number(digit)));

const KIND_KM: Record<MeetingKind, string> = { ordinary: 'សាមញ្ញ', extraordinary: 'វិសាមញ្ញ' };

type MeetingFacts = { kind: MeetingKind; meeting_date: string; place: string | null; is_online: boolean };

/** Where, in Khmer and English ("at Prey Thum and online"). */
function whereOf(meeting: Pick<MeetingFacts, 'place' | 'is_online'>): { km: string; en: string } {
  return {
    km: [meeting.place ? `នៅ ${meeting.place}` : null, meeting.is_online ? 'តាមអនឡាញ' : null]
      .filter(Boolean)
      .join(' និង'),
    en: [meeting.place ? `at ${meeting.place}` : null, meeting.is_online ? 'online' : null]
      .filter(Boolean)
      .join(' and '),
  };
}

/** 2026-11-20 as ២០/១១/២០២៦. */
function dateKmOf(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return toKhmerDigits(`${day}/${month}/${year}`);
}

/** The texts telling a member their meeting moved (no I/O). */
export function movedTexts(args: {
  member: Pick<MemberRow, 'name_km' | 'name_latin'>;
  organ: { name_km: string; name_en: string };
  before: MeetingFacts;
  after: MeetingFacts;
}): { textKm: string; textEn: string } {
  const { member, organ, before, after } = args;
  const where = whereOf(after);
  return {
    textKm:
      `សូមជម្រាបជូន ${member.name_km}៖ កិច្ចប្រជុំ${KIND_KM[after.kind]}នៃ${organ.name_km} ` +
      `ដែលគ្រោងនៅថ្ងៃទី ${dateKmOf(before.meeting_date)} ត្រូវបានផ្លាស់ប្ដូរ៖ ` +
      `ឥឡូវប្រព្រឹត្តទៅនៅថ្ងៃទី ${dateKmOf(after.meeting_date)} ${where.km}។`,
    textEn:
      `${member.name_latin}, the ${after.kind} meeting of ${organ.name_en} planned on ` +
      `${before.meeting_date} has moved: it now takes place on ${after.meeting_date} ${where.en}.`,
  };
}

/** The texts telling a member their meeting is cancelled (no I/O). */
export function cancelledTexts(args: {
  member: Pick<MemberRow, 'name_km' | 'name_latin'>;
  organ: { name_km: string; name_en: string };
  meeting: MeetingFacts;
}): { textKm: string; textEn: string } {
  const { member, organ, meeting } = args;
  return {
    textKm:
      `សូមជម្រាបជូន ${member.name_km}៖ កិច្ចប្រជុំ${KIND_KM[meeting.kind]}នៃ${organ.name_km} ` +
      `នៅថ្ងៃទី ${dateKmOf(meeting.meeting_date)} ត្រូវបានលុបចោល។`,
    textEn: `${member.name_latin}, the ${meeting.kind} meeting of ${organ.name_en} on ${meeting.meeting_date} is cancelled.`,
  };
}

/** The texts of one member's invitation (no I/O). */
export function invitationTexts(args: {
  member: Pick<MemberRow, 'name_km' | 'name_latin'>;
  organ: { name_km: string; name_en: string };
  meeting: { kind: MeetingKind; meeting_date: string; place: string | null; is_online: boolean };
  agenda: { title_km: string; title_en: string }[];
}): { textKm: string; textEn: string } {
  const { member, organ, meeting, agenda } = args;
  const dateKm = dateKmOf(meeting.meeting_date);
  const { km: whereKm, en: whereEn } = whereOf(meeting);
  // An SMS is short: the first items, then how many more.
  const shown = agenda.slice(0, 3);
  const more = agenda.length - shown.length;
  const itemsKm = shown
    .map((item, index) => `${toKhmerDigits(String(index + 1))}. ${item.title_km}`)
    .join(' ');
  const itemsEn = shown.map((item, index) => `${index + 1}. ${item.title_en}`).join(' ');
  return {
    textKm:
      `សូមគោរពអញ្ជើញ ${member.name_km} ចូលរួមកិច្ចប្រជុំ${KIND_KM[meeting.kind]}នៃ${organ.name_km} ` +
      `នៅថ្ងៃទី ${dateKm} ${whereKm}។ របៀបវារៈ៖ ${itemsKm}` +
      (more > 0 ? ` និង ${toKhmerDigits(String(more))} ចំណុចទៀត។` : '។'),
    textEn:
      `${member.name_latin}, you are invited to the ${meeting.kind} meeting of ${organ.name_en} ` +
      `on ${meeting.meeting_date} ${whereEn}. Agenda: ${itemsEn}` +
      (more > 0 ? ` and ${more} more.` : '.'),
  };
}

/**
 * Writes the invitations of a meeting just convened, in `trx`; how many. Each message is the
 * meeting's (entity councils.meeting, its id), at the organ's unit, referenced by its date.
 */
export async function inviteMembers(
  ctx: CouncilsContext,
  trx: CouncilsDb,
  input: {
    meeting: {
      id: number;
      organ_id: number;
      kind: MeetingKind;
      meeting_date: string;
      place: string | null;
      is_online: boolean;
    };
    organ: { unit_code: string; name_km: string; name_en: string };
    agenda: { title_km: string; title_en: string }[];
  },
): Promise<number> {
  const { meeting, organ, agenda } = input;
  const members = await selectMembers(trx, [meeting.organ_id], meeting.meeting_date);
  let sent = 0;
  for (const member of members) {
    if (member.phone === null && member.email === null) continue;
    await ctx.ports.notifications.notify(trx, {
      topic: INVITATION_TOPIC,
      sourceModule: 'councils',
      entityType: 'councils.meeting',
      entityId: String(meeting.id),
      reference: meeting.meeting_date,
      status: 'planned',
      unitCode: organ.unit_code,
      recipientPhone: member.phone,
      recipientEmail: member.email,
      ...invitationTexts({ member, organ, meeting, agenda }),
    });
    sent += 1;
  }
  return sent;
}

/** Whether a change of a planned meeting moves it (its members are told): date or place. */
export function hasMoved(before: MeetingFacts, after: MeetingFacts): boolean {
  return (
    before.meeting_date !== after.meeting_date ||
    before.place !== after.place ||
    before.is_online !== after.is_online
  );
}

/**
 * Tells the members of a planned meeting that it moved (`after` given) or is cancelled, in
 * `trx`; how many messages. The members: those with a contact in office on the old date (the
 * ones invited) or on the new one, each once.
 */
export async function noticeMembers(
  ctx: CouncilsContext,
  trx: CouncilsDb,
  input: {
    meetingId: number;
    organId: number;
    organ: { unit_code: string; name_km: string; name_en: string };
    before: MeetingFacts;
    /** The meeting after the move; absent: cancelled. */
    after?: MeetingFacts;
  },
): Promise<number> {
  const { organ, before, after } = input;
  const members = await selectMembers(trx, [input.organId], before.meeting_date);
  if (after && after.meeting_date !== before.meeting_date) {
    const known = new Set(members.map((member) => member.id));
    for (const member of await selectMembers(trx, [input.organId], after.meeting_date))
      if (!known.has(member.id)) members.push(member);
  }
  let sent = 0;
  for (const member of members) {
    if (member.phone === null && member.email === null) continue;
    await ctx.ports.notifications.notify(trx, {
      topic: after ? MOVED_TOPIC : CANCELLED_TOPIC,
      sourceModule: 'councils',
      entityType: 'councils.meeting',
      entityId: String(input.meetingId),
      reference: (after ?? before).meeting_date,
      status: after ? 'moved' : 'cancelled',
      unitCode: organ.unit_code,
      recipientPhone: member.phone,
      recipientEmail: member.email,
      ...(after
        ? movedTexts({ member, organ, before, after })
        : cancelledTexts({ member, organ, meeting: before })),
    });
    sent += 1;
  }
  return sent;
}
