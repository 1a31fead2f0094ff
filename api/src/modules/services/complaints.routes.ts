/**
 * HTTP only, under /api/services: complaints (filed by anyone, handled by the ombudsman office
 * of the district responsible, followed by number) and the officers' view of the outbox.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/actor.ts';
import { problemAnswers, ProblemRef } from '../../platform/http/openapi.ts';
import { Page } from '../../platform/http/paging.ts';
import {
  Complaint,
  ComplaintListQuery,
  ComplaintSummary,
  ComplaintTransitionBody,
  FileComplaintBody,
  ComplaintReplyBody,
  PublicComplaint,
} from './complaints.schemas.ts';
import {
  changeComplaintStatus,
  fileComplaint,
  getComplaint,
  listComplaints,
  complaintReply,
  trackComplaint,
  unitOfComplaint,
} from './complaints.service.ts';
import { TrackingParams } from './applications.schemas.ts';
import { HANDLE_COMPLAINTS, READ_OUTBOX, type ServicesContext } from './context.ts';
import { listOutbox, OutboxMessage, OutboxQuery } from './outbox.ts';
import { withRetryAfter } from './phone-check.ts';

const tags = ['services'];
const problems = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 404: ProblemRef, 409: ProblemRef };

export const complaintRoutes =
  (ctx: ServicesContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const numberOf = (request: FastifyRequest) => (request.params as { number: string }).number;
    /** HANDLE_COMPLAINTS at the unit of the office that holds the record the path names. */
    const atComplaint = {
      permission: HANDLE_COMPLAINTS,
      unit: (request: FastifyRequest) => unitOfComplaint(ctx, numberOf(request)),
    };

    app.post(
      '/complaints',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'Complain about a service, an office or an officer (signed in or not; contact details optional).',
          description:
            'It goes to the ombudsman office of the district above the office concerned. Keep the number to follow it.',
          body: FileComplaintBody,
          response: { 201: Complaint, 400: ProblemRef },
        },
      },
      async (request, reply) => {
        request.principal = await ctx.access.viewer(request);
        return reply.code(201).send(await fileComplaint(ctx, actorOf(request), request.body));
      },
    );

    app.get(
      '/complaints',
      {
        config: { access: { permission: HANDLE_COMPLAINTS } },
        schema: {
          tags,
          summary: 'Complaints handled by the units in the caller’s scope, filtered and paged.',
          querystring: ComplaintListQuery,
          response: { 200: Page(ComplaintSummary), 400: ProblemRef, 401: ProblemRef, 403: ProblemRef },
        },
      },
      async (request) => listComplaints(ctx, request.access.scope, request.query),
    );

    app.get(
      '/complaints/:number',
      {
        config: { access: atComplaint },
        schema: {
          tags,
          summary:
            'One complaint with the complainant’s details and its history (the handling office and above).',
          params: TrackingParams,
          response: { 200: Complaint, 401: ProblemRef, 403: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => getComplaint(ctx, request.params.number),
    );

    app.post(
      '/complaints/:number/transitions',
      {
        config: { access: atComplaint },
        schema: {
          tags,
          summary:
            'Move a complaint one step: under_investigation, decided (with the decision), replied (with the reply), closed.',
          params: TrackingParams,
          body: ComplaintTransitionBody,
          response: { 200: Complaint, ...problems },
        },
      },
      async (request) => changeComplaintStatus(ctx, actorOf(request), request.params.number, request.body),
    );

    app.get(
      '/complaints/track/:number',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'Follow a complaint by its number: status, dates and history, no personal data; the reply only if the complainant agreed to publish it.',
          params: TrackingParams,
          response: { 200: PublicComplaint, 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return trackComplaint(ctx, request.params.number);
      },
    );

    app.post(
      '/complaints/track/:number/reply',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'The reply, to the complainant: signed in as the one who filed, or with the phone number on file (wrong numbers throttled).',
          params: TrackingParams,
          body: ComplaintReplyBody,
          response: {
            200: PublicComplaint,
            ...problemAnswers(400, 403, 404, 429),
          },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        // A public route runs no access check: the caller, if signed in, is looked up here.
        request.principal = await ctx.access.viewer(request);
        return withRetryAfter(reply, () =>
          complaintReply(ctx, actorOf(request), request.params.number, request.body),
        );
      },
    );

    app.get(
      '/outbox',
      {
        config: { access: { permission: READ_OUTBOX } },
        schema: {
          tags,
          summary: 'Messages to citizens about cases in the caller’s scope, newest first.',
          querystring: OutboxQuery,
          response: { 200: Page(OutboxMessage), 400: ProblemRef, 401: ProblemRef, 403: ProblemRef },
        },
      },
      async (request) => listOutbox(ctx, request.access.scope, request.query),
    );
  };
