/**
 * Notifications: every status change of an application or a complaint (filing included)
 * produces one message, in Khmer and English, to the phone number and/or e-mail address on
 * file, handed to a `NotificationChannel` inside the transaction of the change — so a message
 * exists exactly when the change was committed.
 *
 * The channel is the notifications module's outbox (`channelThrough(ctx.ports.notifications)`):
 * the message is written to `notifications_message` in the same transaction and delivered after
 * commit, by SMS, Telegram or e-mail (see ../notifications/README.md). Officers read the
 * messages about their cases at GET /api/services/outbox. This file keeps the services' texts.
 */
import type { Kysely } from 'kysely';
import type { NotificationsPort } from '../notifications/index.ts';
import type { ServicesOutboxTopic } from './services.tables.ts';
import { formatTrackingNumber } from './tracking-number.ts';

export interface NotificationMessage {
  topic: ServicesOutboxTopic;
  /** 'services.application' or 'services.complaint', and the record's id. */
  entityType: string;
  entityId: string;
  trackingNumber: string;
  /** The status the record has just reached. */
  status: string;
  /** The unit whose officers may see the message (where the application was filed; the complaint's handling unit). */
  unitCode: string;
  /** The account of the applicant or complainant, when they filed signed in (their preferred channel applies). */
  recipientAccountId?: number | null;
  recipientPhone: string | null;
  recipientEmail: string | null;
  textKm: string;
  textEn: string;
}

export interface NotificationChannel {
  /**
   * Takes one message. `trx` is the transaction of the status change: write to it (as the
   * notifications outbox does) so that the message commits or rolls back with the change.
   * Never call a remote service from here — a rolled-back change would already have been
   * announced; the notifications module sends after commit.
   */
  send(message: NotificationMessage, trx: Kysely<any>): Promise<void>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const channels = new WeakMap<NotificationsPort, NotificationChannel>();

/** The notifications module's outbox as the services' channel (one object per port, so one filing queue). */
export function channelThrough(port: NotificationsPort): NotificationChannel {
  let channel = channels.get(port);
  if (!channel) {
    channel = {
      async send(message, trx) {
        await port.notify(trx, {
          topic: message.topic,
          sourceModule: 'services',
          entityType: message.entityType,
          entityId: message.entityId,
          reference: message.trackingNumber,
          status: message.status,
          unitCode: message.unitCode,
          recipientAccountId: message.recipientAccountId ?? null,
          recipientPhone: message.recipientPhone,
          recipientEmail: message.recipientEmail,
          textKm: message.textKm,
          textEn: message.textEn,
        });
      },
    };
    channels.set(port, channel);
  }
  return channel;
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
