/**
 * Notifications: every status change of an application or a complaint (filing included)
 * produces one message, in Khmer and English, to the phone number and/or e-mail address on
 * file, handed to a `NotificationChannel` inside the transaction of the change — so a message
 * exists exactly when the change was committed.
 *
 * The default channel, `outboxChannel`, writes the message to `services_outbox`, which officers
 * read (GET /api/services/outbox). A sending channel (SMS, e-mail, Telegram) plugs in behind the
 * same interface without touching this module: see README.md ("Notifications").
 */
import type { Kysely } from 'kysely';
import { insertOutboxMessage, selectPendingOutbox, updateOutboxDelivered } from './outbox.queries.ts';
import type { ServicesDb, ServicesOutboxTable } from './services.tables.ts';
import { formatTrackingNumber } from './tracking-number.ts';

export interface NotificationMessage {
  topic: ServicesOutboxTable['topic'];
  /** 'services.application' or 'services.complaint', and the record's id. */
  entityType: string;
  entityId: string;
  trackingNumber: string;
  /** The status the record has just reached. */
  status: string;
  /** The unit whose officers may see the message (where the application was filed; the complaint's handling unit). */
  unitCode: string;
  recipientPhone: string | null;
  recipientEmail: string | null;
  textKm: string;
  textEn: string;
}

export interface NotificationChannel {
  /**
   * Takes one message. `trx` is the transaction of the status change: write to it (as the
   * outbox does) so that the message commits or rolls back with the change. Never call a
   * remote service from here — a rolled-back change would already have been announced; send
   * from the outbox after commit instead (see `pendingOutbox` and `markOutboxDelivered`).
   */
  send(message: NotificationMessage, trx: Kysely<any>): Promise<void>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The default channel: the message waits in services_outbox, where officers see it. */
export const outboxChannel: NotificationChannel = {
  async send(message, trx) {
    await insertOutboxMessage(trx as ServicesDb, {
      topic: message.topic,
      entity_type: message.entityType,
      entity_id: message.entityId,
      tracking_number: message.trackingNumber,
      status: message.status,
      unit_code: message.unitCode,
      recipient_phone: message.recipientPhone,
      recipient_email: message.recipientEmail,
      text_km: message.textKm,
      text_en: message.textEn,
    });
  },
};

/** Messages not yet delivered by a sending channel, oldest first (for a sender that runs after commit). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers hold the full schema
export async function pendingOutbox(db: Kysely<any>, limit = 100) {
  return selectPendingOutbox(db as ServicesDb, limit);
}

/** Records the outcome of sending one outbox message. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers hold the full schema
export async function markOutboxDelivered(db: Kysely<any>, id: number, error?: string): Promise<void> {
  await updateOutboxDelivered(db as ServicesDb, id, error);
}

// ------------------------------------------------------------------ the texts

export const APPLICATION_STATUS_TEXT: Record<string, { km: string; en: string }> = {
  received: { km: 'បានទទួល', en: 'received' },
  under_review: { km: 'កំពុងពិនិត្យ', en: 'under review' },
  more_info_needed: { km: 'ត្រូវការព័ត៌មានបន្ថែម', en: 'more information needed' },
  approved: { km: 'បានអនុម័ត', en: 'approved' },
  rejected: { km: 'មិនត្រូវបានអនុម័ត', en: 'rejected' },
  ready_for_collection: { km: 'រួចរាល់ សូមអញ្ជើញមកទទួល', en: 'ready for collection' },
  closed: { km: 'បានបញ្ចប់', en: 'closed' },
};

export const COMPLAINT_STATUS_TEXT: Record<string, { km: string; en: string }> = {
  received: { km: 'បានទទួល', en: 'received' },
  under_investigation: { km: 'កំពុងស៊ើបអង្កេត', en: 'under investigation' },
  decided: { km: 'បានសម្រេច', en: 'decided' },
  replied: { km: 'បានឆ្លើយតប', en: 'replied' },
  closed: { km: 'បានបញ្ចប់', en: 'closed' },
};

const withNote = (text: string, note: string | null | undefined, label: string) =>
  note ? `${text} ${label} ${note.slice(0, 300)}` : text;

export function applicationMessageTexts(args: {
  trackingNumber: string;
  serviceNameKm: string;
  serviceNameEn: string;
  status: string;
  dueDate: string;
  note?: string | null;
}): { textKm: string; textEn: string } {
  const status = APPLICATION_STATUS_TEXT[args.status] ?? { km: args.status, en: args.status };
  const number = formatTrackingNumber(args.trackingNumber);
  const dueKm = args.status === 'received' ? ` កាលបរិច្ឆេទកំណត់៖ ${args.dueDate}។` : '';
  const dueEn = args.status === 'received' ? ` Due by ${args.dueDate}.` : '';
  return {
    textKm: withNote(
      `ពាក្យស្នើសុំ ${number} (${args.serviceNameKm})៖ ${status.km}។${dueKm}`,
      args.note,
      'កំណត់សម្គាល់៖',
    ),
    textEn: withNote(
      `Application ${number} (${args.serviceNameEn}): ${status.en}.${dueEn}`,
      args.note,
      'Note:',
    ),
  };
}

export function complaintMessageTexts(args: {
  trackingNumber: string;
  status: string;
  note?: string | null;
}): { textKm: string; textEn: string } {
  const status = COMPLAINT_STATUS_TEXT[args.status] ?? { km: args.status, en: args.status };
  const number = formatTrackingNumber(args.trackingNumber);
  return {
    textKm: withNote(`បណ្ដឹង ${number}៖ ${status.km}។`, args.note, 'កំណត់សម្គាល់៖'),
    textEn: withNote(`Complaint ${number}: ${status.en}.`, args.note, 'Note:'),
  };
}
