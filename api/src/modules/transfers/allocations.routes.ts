/**
 * HTTP only: allocations (computed, approved, published, corrected), scenarios and a unit's
 * published transfers, under /api/transfers. Drafts and approved-but-unpublished allocations
 * are seen only by national staff who compute or approve them: public reads ask the platform
 * who the caller is (`ctx.access.viewer`) and the service decides what they see.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { actorOf } from '../../platform/actor.ts';
import { problemAnswers, ProblemRef } from '../../platform/http/openapi.ts';
import { Page } from '../../platform/http/paging.ts';
import { allocationLines, publishedForUnit } from './allocation-lines.service.ts';
import {
  approveAllocation,
  correctAllocation,
  createAllocation,
  getVisibleAllocation,
  listAllocations,
  publishAllocation,
} from './allocations.service.ts';
import { national, tags } from './route-access.ts';
import { runScenario } from './scenarios.service.ts';
import type { TransfersContext } from './transfers.context.ts';
import {
  Allocation,
  AllocationLine,
  AllocationListQuery,
  CorrectAllocationBody,
  CreateAllocationBody,
  IdParams,
  LineQuery,
  PublishedItem,
  PublishedQuery,
  ScenarioBody,
  ScenarioResult,
  UnitParams,
} from './transfers.schemas.ts';

export const allocationsRoutes =
  (ctx: TransfersContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/allocations',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Allocations, newest first: published ones for everyone, all of them for national staff.',
          querystring: AllocationListQuery,
          response: { 200: Page(Allocation), 400: ProblemRef },
        },
      },
      async (request) => listAllocations(ctx, { ...request.query, viewer: await ctx.access.viewer(request) }),
    );

    app.post(
      '/allocations',
      {
        config: { access: national('transfers.allocation.compute') },
        schema: {
          tags,
          summary: 'Compute a draft allocation of a formula from the stored figures (national).',
          description:
            'Stable codes: transfers.input.missing_value (lists every unit without a figure the formula needs), ' +
            'transfers.input.negative_value, transfers.year.published.',
          body: CreateAllocationBody,
          response: {
            201: Allocation,
            ...problemAnswers(400, 401, 403, 404, 409, 422),
          },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createAllocation(ctx, actorOf(request), request.body)),
    );

    app.get(
      '/allocations/:id',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'One allocation with its summary and equity figures.',
          params: IdParams,
          response: { 200: Allocation, 404: ProblemRef },
        },
      },
      async (request) =>
        getVisibleAllocation(ctx, { id: request.params.id, viewer: await ctx.access.viewer(request) }),
    );

    app.get(
      '/allocations/:id/lines',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Each unit’s amount and its explanation, component by component.',
          params: IdParams,
          querystring: LineQuery,
          response: { 200: Page(AllocationLine), 400: ProblemRef, 404: ProblemRef },
        },
      },
      async (request) => {
        const viewer = await ctx.access.viewer(request);
        await getVisibleAllocation(ctx, { id: request.params.id, viewer });
        return allocationLines(ctx, request.params.id, request.query);
      },
    );

    const decision = (summary: string) => ({
      tags,
      summary,
      params: IdParams,
      response: { 200: Allocation, 401: ProblemRef, 403: ProblemRef, 404: ProblemRef, 409: ProblemRef },
    });

    app.post(
      '/allocations/:id/approve',
      {
        config: { access: national('transfers.allocation.approve') },
        schema: decision('Approve a draft (by someone other than the person who computed it).'),
      },
      async (request) => approveAllocation(ctx, actorOf(request), request.params.id),
    );

    app.post(
      '/allocations/:id/publish',
      {
        config: { access: national('transfers.allocation.approve') },
        schema: decision(
          'Publish an approved allocation: it never changes again, and each amount becomes a revenue line of the unit’s budget.',
        ),
      },
      async (request) => publishAllocation(ctx, actorOf(request), request.params.id),
    );

    app.post(
      '/allocations/:id/corrections',
      {
        config: { access: national('transfers.allocation.compute') },
        schema: {
          tags,
          summary: 'Prepare a correction of a published allocation: a new draft version with its reason.',
          params: IdParams,
          body: CorrectAllocationBody,
          response: {
            201: Allocation,
            ...problemAnswers(400, 401, 403, 404, 409, 422),
          },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await correctAllocation(ctx, actorOf(request), { id: request.params.id, ...request.body })),
    );

    app.post(
      '/scenarios',
      {
        config: { access: national('transfers.allocation.compute') },
        schema: {
          tags,
          summary:
            'Compare a formula changed by hand (weights, pool) with a stored one, on the same figures. Writes nothing.',
          body: ScenarioBody,
          response: {
            200: ScenarioResult,
            ...problemAnswers(400, 401, 403, 404, 422),
          },
        },
      },
      async (request) => runScenario(ctx, request.body),
    );

    app.get(
      '/units/:code/published',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'A unit’s published transfers, every program, each with the formula that produced it.',
          params: UnitParams,
          querystring: PublishedQuery,
          response: { 200: Type.Object({ items: Type.Array(PublishedItem) }), 400: ProblemRef },
        },
      },
      async (request) => ({
        items: await publishedForUnit(ctx, request.params.code, request.query.fiscalYear),
      }),
    );
  };
