/**
 * Officers' view of the notification outbox: the messages sent (or waiting) about cases in
 * their scope. The messages live in the notifications module (one outbox for every module);
 * this reads the services' ones through its port.
 */
import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, type PageResult } from '../../platform/http/paging.ts';
import { Timestamp } from '../../platform/http/timestamp.ts';
import type { ServicesContext } from './context.ts';

export const OutboxMessage = Type.Object(
  {
    id: Type.Integer(),
    topic: Type.String(),
    entityType: Type.String(),
    trackingNumber: Type.String(),
    status: Type.String(),
    unitCode: Type.String(),
    recipientPhone: Type.Union([Type.String(), Type.Null()]),
    recipientEmail: Type.Union([Type.String(), Type.Null()]),
    textKm: Type.String(),
    textEn: Type.String(),
    createdAt: Timestamp,
    sentAt: Type.Union([Timestamp, Type.Null()]),
    deliveryError: Type.Union([Type.String(), Type.Null()], {
      description: 'Why the last attempt failed (or why none is made); null once sent.',
    }),
    deliveryState: Type.Union(
      [Type.Literal('pending'), Type.Literal('sent'), Type.Literal('failed'), Type.Literal('undeliverable')],
      {
        description:
          'pending: waiting to be sent (again at nextAttemptAt); sent; failed: every attempt failed; undeliverable: no channel that is on reaches the person.',
      },
    ),
    channel: Type.Union([Type.Literal('sms'), Type.Literal('telegram'), Type.Literal('email'), Type.Null()], {
      description: 'The channel that delivered it.',
    }),
    attempts: Type.Integer({ description: 'Rounds of attempts so far.' }),
    nextAttemptAt: Type.Union([Timestamp, Type.Null()]),
  },
  { $id: 'ServicesOutboxMessage', title: 'ServicesOutboxMessage' },
);
export type OutboxMessage = Static<typeof OutboxMessage>;

export const OutboxQuery = Type.Composite([
  PageQuery,
  Type.Object({
    unitCode: Type.Optional(
      Type.String({ pattern: '^([0-9]{2}){1,3}$', description: 'This unit and those below it.' }),
    ),
    trackingNumber: Type.Optional(Type.String({ maxLength: 12 })),
    pending: Type.Optional(
      Type.Boolean({ description: 'Only messages not yet delivered by a sending channel.' }),
    ),
  }),
]);
export type OutboxQuery = Static<typeof OutboxQuery>;

export async function listOutbox(
  ctx: ServicesContext,
  scope: 'all' | string[],
  query: OutboxQuery,
): Promise<PageResult<OutboxMessage>> {
  const page = await ctx.ports.notifications.listMessages(ctx.db, {
    sourceModule: 'services',
    scope,
    unitCode: query.unitCode,
    reference: query.trackingNumber?.replace(/[\s-]/g, '').toUpperCase(),
    pending: query.pending,
    page: query.page,
    pageSize: query.pageSize,
  });
  return {
    ...page,
    items: page.items.map((message) => ({
      id: message.id,
      topic: message.topic,
      entityType: message.entityType,
      trackingNumber: message.reference,
      status: message.status,
      unitCode: message.unitCode,
      recipientPhone: message.recipientPhone,
      recipientEmail: message.recipientEmail,
      textKm: message.textKm,
      textEn: message.textEn,
      createdAt: message.createdAt,
      sentAt: message.sentAt,
      deliveryError: message.state === 'sent' ? null : message.lastError,
      deliveryState: message.state,
      channel: message.channel,
      attempts: message.attempts,
      nextAttemptAt: message.nextAttemptAt,
    })),
  };
}
