/**
 * HTTP only, under /api/services: the catalogue of service standards, where each is offered,
 * and the working-day calendar. Reading is public; changing needs a permission at the unit
 * the record belongs to.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/actor.ts';
import { ProblemRef } from '../../platform/http/openapi.ts';
import { Page } from '../../platform/http/paging.ts';
import { calendarYear, replaceHolidays } from './calendar.service.ts';
import { MANAGE_CALENDAR, MANAGE_STANDARDS, type ServicesContext } from './context.ts';
import {
  CalendarYear,
  CreateOfferingBody,
  CreateStandardBody,
  DueDate,
  DueDateQuery,
  IdParams,
  Offering,
  ReplaceHolidaysBody,
  ReviseStandardBody,
  Standard,
  StandardGetQuery,
  StandardListQuery,
  StandardParams,
  StandardVersionSummary,
  UpdateOfferingBody,
  VersionsQuery,
  YearParams,
} from './standards.schemas.ts';
import { addOffering, unitOfOffering, updateOffering } from './offerings.service.ts';
import {
  createStandard,
  getStandard,
  listStandards,
  listVersions,
  reviseStandard,
  unitOfStandard,
} from './standards.service.ts';

const tags = ['services'];
const problems = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 404: ProblemRef, 409: ProblemRef };

export const standardRoutes =
  (ctx: ServicesContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const codeOf = (request: FastifyRequest) => (request.params as { code: string }).code;

    app.get(
      '/standards',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The catalogue of service standards (current versions), filtered and paged.',
          description:
            'Filters: sector, providerTier, unitCode (offered at that unit on onDate, default today), q (words of the ' +
            'Khmer or English name or the code; Khmer is normalised as in the gazetteer search).',
          querystring: StandardListQuery,
          response: { 200: Page(Standard), 400: ProblemRef },
        },
      },
      async (request) => listStandards(ctx, request.query),
    );

    app.get(
      '/standards/:code',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'One service standard, in its current version or a given one, with where it is offered.',
          params: StandardParams,
          querystring: StandardGetQuery,
          response: { 200: Standard, 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => getStandard(ctx, request.params.code, request.query.version),
    );

    app.get(
      '/standards/:code/versions',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The versions of a standard, newest first.',
          params: StandardParams,
          querystring: VersionsQuery,
          response: { 200: Page(StandardVersionSummary), 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => listVersions(ctx, request.params.code, request.query.page, request.query.pageSize),
    );

    app.post(
      '/standards',
      {
        config: {
          access: {
            permission: MANAGE_STANDARDS,
            unit: (request) => (request.body as { ownerUnitCode?: string | null }).ownerUnitCode ?? null,
          },
        },
        schema: {
          tags,
          summary:
            'Create a service standard (version 1): national, or owned by a unit in the caller’s scope.',
          body: CreateStandardBody,
          response: { 201: Standard, ...problems },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createStandard(ctx, actorOf(request), request.body)),
    );

    app.put(
      '/standards/:code',
      {
        config: {
          access: { permission: MANAGE_STANDARDS, unit: (request) => unitOfStandard(ctx, codeOf(request)) },
        },
        schema: {
          tags,
          summary:
            'Edit a standard: writes its next version (applications keep the version they were filed under).',
          params: StandardParams,
          body: ReviseStandardBody,
          response: { 200: Standard, ...problems },
        },
      },
      async (request) => reviseStandard(ctx, actorOf(request), request.params.code, request.body),
    );

    app.post(
      '/standards/:code/offerings',
      {
        config: {
          access: {
            permission: MANAGE_STANDARDS,
            unit: (request) => (request.body as { unitCode: string }).unitCode,
          },
        },
        schema: {
          tags,
          summary: 'Offer a standard at a unit of its tier from a day (to a day).',
          params: StandardParams,
          body: CreateOfferingBody,
          response: { 201: Standard, ...problems },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await addOffering(ctx, actorOf(request), request.params.code, request.body)),
    );

    app.patch(
      '/offerings/:id',
      {
        config: {
          access: {
            permission: MANAGE_STANDARDS,
            unit: (request) => unitOfOffering(ctx, (request.params as { id: number }).id),
          },
        },
        schema: {
          tags,
          summary: 'Change the days of an offering; validTo ends it (offerings are never deleted).',
          params: IdParams,
          body: UpdateOfferingBody,
          response: { 200: Offering, ...problems },
        },
      },
      async (request) => updateOffering(ctx, actorOf(request), request.params.id, request.body),
    );

    // ---------------------------------------------------------------- calendar

    app.get(
      '/calendar/:year',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'The public holidays of a year (weekends are always closed) and its number of working days.',
          params: YearParams,
          response: { 200: CalendarYear, 400: ProblemRef },
        },
      },
      async (request) => calendarYear(ctx, request.params.year),
    );

    app.get(
      '/calendar/due-date',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The day on which a number of working days after a day have passed.',
          querystring: DueDateQuery,
          response: { 200: DueDate, 400: ProblemRef },
        },
      },
      async (request) => ({
        from: request.query.from,
        days: request.query.days,
        dueDate: await ctx.calendar.dueDate(request.query.from, request.query.days),
      }),
    );

    app.put(
      '/calendar/:year',
      {
        config: { access: { permission: MANAGE_CALENDAR, unit: () => null } },
        schema: {
          tags,
          summary: 'Replace the public holidays of a year (national), with the sub-decree they come from.',
          params: YearParams,
          body: ReplaceHolidaysBody,
          response: { 200: CalendarYear, ...problems },
        },
      },
      async (request) => replaceHolidays(ctx, actorOf(request), request.params.year, request.body),
    );
  };
