/** Officers' view of the notification outbox: the messages sent (or waiting) about cases in their scope. */
import { Type, type Static } from '@sinclair/typebox';
import { fetchPage, PageQuery, type PageResult } from '../../platform/http/paging.ts';
import { Timestamp } from '../../platform/http/timestamp.ts';
import type { ServicesContext } from './context.ts';
import { selectOutboxPage } from './outbox.queries.ts';

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
    deliveryError: Type.Union([Type.String(), Type.Null()]),
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
  const { subtreeCodesQuery } = ctx.ports.gazetteer;
  const select = selectOutboxPage(ctx.db, {
    inScope: scope === 'all' ? undefined : subtreeCodesQuery(ctx.db, scope),
    inUnit: query.unitCode === undefined ? undefined : subtreeCodesQuery(ctx.db, [query.unitCode]),
    trackingNumber: query.trackingNumber?.replace(/[\s-]/g, '').toUpperCase(),
    pending: query.pending,
  });
  const page = await fetchPage(select, {
    page: query.page,
    pageSize: query.pageSize,
    sort: '-id',
    columns: { id: 'id' },
    tieBreak: 'id',
  });
  return {
    ...page,
    items: page.items.map((row) => ({
      id: row.id,
      topic: row.topic,
      entityType: row.entity_type,
      trackingNumber: row.tracking_number,
      status: row.status,
      unitCode: row.unit_code,
      recipientPhone: row.recipient_phone,
      recipientEmail: row.recipient_email,
      textKm: row.text_km,
      textEn: row.text_en,
      createdAt: row.created_at,
      sentAt: row.sent_at,
      deliveryError: row.delivery_error,
    })),
  };
}
