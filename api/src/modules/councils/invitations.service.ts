/**
 * Invitations to a meeting (#15 item 1): convening a meeting writes one message to each member
 * in office on its date who has a contact (phone or e-mail), through the notifications module's
 * port, in the transaction that convenes it: the invitations exist exactly when the meeting
 * does, and are delivered after commit (SMS, Telegram or e-mail, the person's channel). Khmer
 * first, English beside. Members without a contact are invited on paper, as today.
 */
import type { CouncilsContext } from './councils.context.ts';
import type { CouncilsDb, MeetingKind, MemberRow } from './councils.tables.ts';
import { selectMembers } from './members.queries.ts';

export const INVITATION_TOPIC = 'council.meeting.invitation';

/** 0-9 as ០-៩. */
const toKhmerDigits = (text: string) =>
  text.replace(/\d/g, (digit) => String.fromCharCode(0x17e0 + Number(digit)));

const KIND_KM: Record<MeetingKind, string> = { ordinary: 'សាមញ្ញ', extraordinary: 'វិសាមញ្ញ' };

/** The texts of one member's invitation (no I/O). */
export function invitationTexts(args: {
  member: Pick<MemberRow, 'name_km' | 'name_latin'>;
  organ: { name_km: string; name_en: string };
  meeting: { kind: MeetingKind; meeting_date: string; place: string | null; is_online: boolean };
  agenda: { title_km: string; title_en: string }[];
}): { textKm: string; textEn: string } {
  const { member, organ, meeting, agenda } = args;
  const [year, month, day] = meeting.meeting_date.split('-');
  const dateKm = toKhmerDigits(`${day}/${month}/${year}`);
  const whereKm = [meeting.place ? `នៅ ${meeting.place}` : null, meeting.is_online ? 'តាមអនឡាញ' : null]
    .filter(Boolean)
    .join(' និង');
  const whereEn = [meeting.place ? `at ${meeting.place}` : null, meeting.is_online ? 'online' : null]
    .filter(Boolean)
    .join(' and ');
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
