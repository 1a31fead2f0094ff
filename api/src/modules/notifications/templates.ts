/**
 * The template registry, keyed by topic: what a message of each topic looks like on each
 * channel. The text itself (Khmer, with English beside) is written by the module that knows
 * the record (the services module's texts: services/notifications.ts); the registry gives it
 * its subject line and its layout, always Khmer first. A topic not listed here is refused by
 * `notify` (a programming error, caught by the tests), so every message has a subject.
 */
import type { ChannelName } from './notifications.tables.ts';

export interface Template {
  subjectKm: string;
  subjectEn: string;
}

export const TEMPLATES = {
  'application.status': { subjectKm: 'ពាក្យស្នើសុំរបស់អ្នក', subjectEn: 'Your application' },
  'complaint.status': { subjectKm: 'បណ្ដឹងរបស់អ្នក', subjectEn: 'Your complaint' },
  // To the officers of an application that went overdue (services' overdue job).
  'application.overdue': { subjectKm: 'ពាក្យស្នើសុំហួសថ្ងៃកំណត់', subjectEn: 'Application overdue' },
  'council.meeting.invitation': { subjectKm: 'លិខិតអញ្ជើញប្រជុំ', subjectEn: 'Meeting invitation' },
  // A planned meeting that moved (date, place) or was cancelled, to the members invited.
  'council.meeting.moved': { subjectKm: 'ការផ្លាស់ប្ដូរកិច្ចប្រជុំ', subjectEn: 'Meeting moved' },
  'council.meeting.cancelled': { subjectKm: 'ការលុបចោលកិច្ចប្រជុំ', subjectEn: 'Meeting cancelled' },
  // The access module's one-time codes (citizens' sign-up and password recovery by phone).
  'account.code': { subjectKm: 'លេខកូដសម្ងាត់', subjectEn: 'Your code' },
} as const satisfies Record<string, Template>;

export type Topic = keyof typeof TEMPLATES;

export function isTopic(topic: string): topic is Topic {
  return Object.hasOwn(TEMPLATES, topic);
}

export interface Rendered {
  /** For e-mail; SMS and Telegram carry the text alone. */
  subject: string;
  text: string;
}

/** One message as a channel sends it: Khmer first, English beside (SMS: one line each). */
export function render(
  message: { topic: string; reference: string; textKm: string; textEn: string },
  channel: ChannelName,
): Rendered {
  const template: Template = isTopic(message.topic)
    ? TEMPLATES[message.topic]
    : { subjectKm: 'សារ', subjectEn: 'Message' };
  const subject = `${template.subjectKm} ${message.reference} / ${template.subjectEn} ${message.reference}`;
  const text =
    channel === 'email' ? `${message.textKm}\n\n${message.textEn}\n` : `${message.textKm}\n${message.textEn}`;
  return { subject, text };
}
