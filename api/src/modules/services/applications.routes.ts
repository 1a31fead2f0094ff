/**
 * HTTP only, under /api/services: filing applications (online and at the counter), their
 * status path, fee, attachments and rating, the officers' list, the citizen's own list, and
 * public tracking by number.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { actorOf } from '../../platform/actor.ts';
import { problemAnswers, ProblemRef } from '../../platform/http/openapi.ts';
import { Page } from '../../platform/http/paging.ts';
import { fail } from './services.errors.ts';
import { applicantFromAccount, checkApplicant } from './applicants.ts';
import {
  Application,
  ApplicationListQuery,
  ApplicationSummary,
  AttachmentParams,
  CounterApplicationBody,
  FeeBody,
  MyApplicationsQuery,
  OnlineApplicationBody,
  PublicTracking,
  RatingBody,
  TrackingParams,
  TransitionBody,
} from './applications.schemas.ts';
import {
  addAttachment,
  changeStatus,
  fileApplication,
  getApplication,
  listApplications,
  myApplications,
  rateApplication,
  readAttachment,
  recordFee,
  trackApplication,
  unitOfApplication,
} from './applications.service.ts';
import { MAX_ATTACHMENT_BYTES, tooLarge } from './attachments.ts';
import { FILE_APPLICATIONS, PROCESS_APPLICATIONS, type ServicesContext } from './context.ts';
import { withRetryAfter } from './phone-check.ts';

const tags = ['services'];
const problems = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 404: ProblemRef, 409: ProblemRef };

export const applicationRoutes =
  (ctx: ServicesContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const numberOf = (request: FastifyRequest) => (request.params as { number: string }).number;
    /** PROCESS_APPLICATIONS at the unit of the office that holds the record the path names. */
    const atApplication = {
      permission: PROCESS_APPLICATIONS,
      unit: (request: FastifyRequest) => unitOfApplication(ctx, numberOf(request)),
    };
    // One file per request, the size limit enforced while it streams in.
    // preservePath: the name as sent, so that a name with a folder in it is refused rather than cut short.
    await app.register(multipart, {
      preservePath: true,
      limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5, parts: 6 },
    });

    app.post(
      '/applications',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'File an application online, as the signed-in citizen.',
          body: OnlineApplicationBody,
          response: { 201: Application, ...problems },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const body = request.body;
        const application = await fileApplication(ctx, actor, {
          serviceCode: body.serviceCode,
          unitCode: body.unitCode,
          values: body.values,
          description: body.description,
          applicant: applicantFromAccount(request.principal!, body.applicant ?? {}),
          channel: 'online',
          applicantUserId: actor.userId,
        });
        return reply.code(201).send(application);
      },
    );

    app.post(
      '/applications/counter',
      {
        config: {
          access: {
            permission: FILE_APPLICATIONS,
            unit: (request) => (request.body as { unitCode: string }).unitCode,
          },
        },
        schema: {
          tags,
          summary:
            'File an application at the counter for a person who came in person (name, sex, age group; no e-mail needed).',
          body: CounterApplicationBody,
          response: { 201: Application, ...problems },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const application = await fileApplication(ctx, actorOf(request), {
          serviceCode: body.serviceCode,
          unitCode: body.unitCode,
          values: body.values,
          description: body.description,
          applicant: checkApplicant(body.applicant),
          channel: 'counter',
          applicantUserId: null,
        });
        return reply.code(201).send(application);
      },
    );

    app.get(
      '/applications',
      {
        config: { access: { permission: PROCESS_APPLICATIONS } },
        schema: {
          tags,
          summary: 'Applications filed at the units in the caller’s scope, filtered and paged.',
          querystring: ApplicationListQuery,
          response: { 200: Page(ApplicationSummary), 400: ProblemRef, 401: ProblemRef, 403: ProblemRef },
        },
      },
      async (request) => listApplications(ctx, request.access.scope, request.query),
    );

    app.get(
      '/my/applications',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'The signed-in citizen’s own applications.',
          querystring: MyApplicationsQuery,
          response: { 200: Page(ApplicationSummary), 400: ProblemRef, 401: ProblemRef },
        },
      },
      async (request) => myApplications(ctx, request.principal!.userId, request.query),
    );

    app.get(
      '/applications/:number',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary:
            'One application with its history, fee, files and rating: for the applicant and the officers of its office.',
          params: TrackingParams,
          response: { 200: Application, 401: ProblemRef, 403: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => getApplication(ctx, actorOf(request), request.params.number),
    );

    app.post(
      '/applications/:number/transitions',
      {
        config: { access: atApplication },
        schema: {
          tags,
          summary:
            'Move an application one step on its status path, with a note (officers of its office or above).',
          description:
            'received → under_review → more_info_needed (the clock stops) → under_review → approved | rejected → ' +
            'ready_for_collection → closed (rejected may close at once). Out of order: 409 services.application.invalid_transition.',
          params: TrackingParams,
          body: TransitionBody,
          response: { 200: Application, ...problems },
        },
      },
      async (request) => changeStatus(ctx, actorOf(request), request.params.number, request.body),
    );

    app.post(
      '/applications/:number/fee',
      {
        config: { access: atApplication },
        schema: {
          tags,
          summary:
            'Record the fee as paid, with its receipt number (own-source revenue of the office’s SNA).',
          params: TrackingParams,
          body: FeeBody,
          response: { 200: Application, ...problems },
        },
      },
      async (request) => recordFee(ctx, actorOf(request), request.params.number, request.body),
    );

    app.post(
      '/applications/:number/attachments',
      {
        config: { access: 'signed-in', upload: { mediaTypes: ['multipart/form-data'], field: 'file' } },
        schema: {
          tags,
          summary: 'Attach one file (multipart/form-data, field "file"): PDF, JPEG or PNG, at most 5 MB.',
          description:
            'The applicant or an officer of the office. The type is recognised from the content; a name with a folder ' +
            'is refused (services.attachment.bad_name), as is another type (services.attachment.type_not_allowed, 415) ' +
            'or a larger file (services.attachment.too_large, 413).',
          params: TrackingParams,
          response: { 201: Application, ...problems, 413: ProblemRef, 415: ProblemRef },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) {
          throw fail('services.attachment.not_multipart');
        }
        // A form the parser cannot read (cut short, a broken boundary) is the client's fault.
        const unreadable = (error: unknown) =>
          (error as { statusCode?: number }).statusCode ? error : fail('services.attachment.not_multipart');
        let part: Awaited<ReturnType<typeof request.file>>;
        try {
          part = await request.file();
        } catch (error) {
          throw unreadable(error);
        }
        if (!part) throw fail('services.attachment.missing');
        let bytes: Buffer;
        try {
          bytes = await part.toBuffer();
        } catch (error) {
          if (error instanceof app.multipartErrors.RequestFileTooLargeError) throw tooLarge();
          throw unreadable(error);
        }
        if (bytes.length === 0) throw fail('services.attachment.empty');
        const application = await addAttachment(ctx, actorOf(request), request.params.number, {
          fileName: part.filename,
          bytes,
        });
        return reply.code(201).send(application);
      },
    );

    app.get(
      '/applications/:number/attachments/:id',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'The content of one attached file (the applicant and the officers of the office).',
          params: AttachmentParams,
          response: {
            200: Type.Unknown({ description: 'The file.' }),
            ...problemAnswers(401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const file = await readAttachment(ctx, actorOf(request), request.params.number, request.params.id);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .header('cache-control', 'private, no-store')
          .send(file.bytes);
      },
    );

    app.post(
      '/applications/:number/rating',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'Rate a closed application 1–5 with a comment, once: the signed-in applicant, or with the phone number on file.',
          params: TrackingParams,
          body: RatingBody,
          response: { 200: PublicTracking, ...problems, 429: ProblemRef },
        },
      },
      async (request, reply) => {
        // A public route runs no access check: the caller, if signed in, is looked up here.
        request.principal = await ctx.access.viewer(request);
        return withRetryAfter(reply, () =>
          rateApplication(ctx, actorOf(request), request.params.number, request.body),
        );
      },
    );

    app.get(
      '/track/:number',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Follow an application by its tracking number: status and history, no personal data.',
          params: TrackingParams,
          response: { 200: PublicTracking, 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return trackApplication(ctx, request.params.number);
      },
    );
  };
