/**
 * HTTP only: schema, access rule, one service call. Mounted under /api:
 *   /api/auth/…    signing in and out, one's own account and API tokens;
 *   /api/access/…  roles, and the administration of accounts and assignments.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { actorOf } from '../../platform/actor.ts';
import { problemAnswers, ProblemRef } from '../../platform/http/openapi.ts';
import { Page } from '../../platform/http/paging.ts';
import type { AccessContext } from './access.context.ts';
import {
  ApiToken,
  ChangePasswordBody,
  CreatedToken,
  CreateTokenBody,
  CreateUserBody,
  GrantBody,
  IdParams,
  Me,
  ResetPasswordBody,
  Role,
  SignInBody,
  UpdateUserBody,
  User,
  UserListQuery,
  UserWithAssignments,
} from './access.schemas.ts';
import { createOwnToken, listOwnTokens, revokeOwnToken } from './api-tokens.service.ts';
import { grantRole, revokeRole, unitOfAssignment } from './assignments.service.ts';
import { citizenAccountRoutes } from './citizen-accounts.routes.ts';
import { oidcRoutes } from './oidc.routes.ts';
import { listRoles } from './roles.service.ts';
import { clearSessionCookie, setSessionCookie } from './sessions.ts';
import {
  changeOwnPassword,
  signIn,
  signOut,
  signOutEverywhere,
  userWithAssignments,
} from './sign-in.service.ts';
import { createUser, listUsers, resetPassword, unitOfUser, updateUser } from './users.service.ts';

const problems = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 404: ProblemRef, 409: ProblemRef };

export const accessRoutes =
  (ctx: AccessContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const auth = { tags: ['auth'] };
    const admin = { tags: ['access'] };
    await app.register(oidcRoutes(ctx));
    await app.register(citizenAccountRoutes(ctx));

    // ------------------------------------------------------------------ /api/auth

    app.post(
      '/auth/sign-in',
      {
        config: { access: 'public' },
        schema: {
          ...auth,
          summary:
            'Sign in with an e-mail address or a phone number and a password; sets the session cookie.',
          body: SignInBody,
          response: { 200: Me, 400: ProblemRef, 401: ProblemRef, 429: ProblemRef },
        },
      },
      async (request, reply) => {
        const { session, userId } = await signIn(ctx, actorOf(request), {
          ...request.body,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        setSessionCookie(reply, session.token);
        return { user: await userWithAssignments(ctx, userId), csrfToken: session.csrfToken };
      },
    );

    app.post(
      '/auth/sign-out',
      {
        config: { access: 'signed-in' },
        schema: {
          ...auth,
          summary: 'End this session.',
          response: { 204: Type.Null(), 401: ProblemRef, 403: ProblemRef },
        },
      },
      async (request, reply) => {
        await signOut(ctx, actorOf(request));
        clearSessionCookie(reply);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/auth/sign-out-everywhere',
      {
        config: { access: 'signed-in' },
        schema: {
          ...auth,
          summary:
            'End every session of the signed-in person, this one included, and revoke all their API tokens.',
          response: {
            200: Type.Object({ tokensRevoked: Type.Integer({ minimum: 0 }) }),
            ...problemAnswers(401, 403),
          },
        },
      },
      async (request, reply) => {
        const result = await signOutEverywhere(ctx, actorOf(request));
        clearSessionCookie(reply);
        return result;
      },
    );

    app.get(
      '/auth/me',
      {
        config: { access: 'signed-in' },
        schema: {
          ...auth,
          summary: 'The signed-in user, their role assignments and the CSRF token.',
          response: { 200: Me, 401: ProblemRef },
        },
      },
      async (request) => ({
        user: await userWithAssignments(ctx, request.principal!.userId),
        csrfToken: request.principal!.csrfToken ?? null,
      }),
    );

    app.post(
      '/auth/password',
      {
        config: { access: 'signed-in' },
        schema: {
          ...auth,
          summary: 'Change one’s own password; other sessions end.',
          body: ChangePasswordBody,
          response: { 204: Type.Null(), ...problems },
        },
      },
      async (request, reply) => {
        await changeOwnPassword(ctx, actorOf(request), request.body);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/auth/tokens',
      {
        config: { access: 'signed-in' },
        schema: {
          ...auth,
          summary: 'One’s own API tokens.',
          response: { 200: Type.Object({ items: Type.Array(ApiToken) }), 401: ProblemRef },
        },
      },
      async (request) => ({ items: await listOwnTokens(ctx, actorOf(request)) }),
    );

    app.post(
      '/auth/tokens',
      {
        config: { access: 'signed-in' },
        schema: {
          ...auth,
          summary: 'Create a personal API token (shown once).',
          body: CreateTokenBody,
          response: { 201: CreatedToken, ...problems },
        },
      },
      async (request, reply) => {
        const created = await createOwnToken(ctx, actorOf(request), request.body);
        return reply.code(201).send(created);
      },
    );

    app.delete(
      '/auth/tokens/:id',
      {
        config: { access: 'signed-in' },
        schema: {
          ...auth,
          summary: 'Revoke one of one’s own API tokens.',
          params: IdParams,
          response: { 204: Type.Null(), ...problems },
        },
      },
      async (request, reply) => {
        await revokeOwnToken(ctx, actorOf(request), { id: request.params.id });
        return reply.code(204).send(null);
      },
    );

    // ------------------------------------------------------------------ /api/access

    app.get(
      '/access/roles',
      {
        config: { access: 'signed-in' },
        schema: {
          ...admin,
          summary: 'Roles and the permissions they bundle.',
          response: { 200: Type.Object({ items: Type.Array(Role) }), 401: ProblemRef },
        },
      },
      async () => ({ items: await listRoles(ctx) }),
    );

    app.get(
      '/access/users',
      {
        config: { access: { permission: 'access.user.read' } },
        schema: {
          ...admin,
          summary: 'Accounts whose home unit lies in the caller’s scope.',
          querystring: UserListQuery,
          response: { 200: Page(User), ...problems },
        },
      },
      async (request) => listUsers(ctx, { ...request.query, scope: request.access.scope }),
    );

    app.post(
      '/access/users',
      {
        config: {
          access: {
            permission: 'access.user.manage',
            unit: (request) => (request.body as { homeUnitCode: string | null }).homeUnitCode,
          },
        },
        schema: {
          ...admin,
          summary: 'Create an account at a unit inside the caller’s scope.',
          body: CreateUserBody,
          response: { 201: UserWithAssignments, ...problems },
        },
      },
      async (request, reply) => reply.code(201).send(await createUser(ctx, actorOf(request), request.body)),
    );

    const userUnit = (request: { params: unknown }) => unitOfUser(ctx, (request.params as { id: number }).id);

    app.get(
      '/access/users/:id',
      {
        config: { access: { permission: 'access.user.read', unit: userUnit } },
        schema: {
          ...admin,
          summary: 'One account with its role assignments.',
          params: IdParams,
          response: { 200: UserWithAssignments, ...problems },
        },
      },
      async (request) => userWithAssignments(ctx, request.params.id),
    );

    app.patch(
      '/access/users/:id',
      {
        config: { access: { permission: 'access.user.manage', unit: userUnit } },
        schema: {
          ...admin,
          summary: 'Rename, move, disable or enable an account.',
          params: IdParams,
          body: UpdateUserBody,
          response: { 200: UserWithAssignments, ...problems },
        },
      },
      async (request) => updateUser(ctx, actorOf(request), { ...request.body, userId: request.params.id }),
    );

    app.post(
      '/access/users/:id/password-reset',
      {
        config: { access: { permission: 'access.user.manage', unit: userUnit } },
        schema: {
          ...admin,
          summary: 'Set a new password the person must change at next sign-in; their sessions end.',
          params: IdParams,
          body: ResetPasswordBody,
          response: { 204: Type.Null(), ...problems },
        },
      },
      async (request, reply) => {
        await resetPassword(ctx, actorOf(request), {
          userId: request.params.id,
          newPassword: request.body.newPassword,
        });
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/access/users/:id/assignments',
      {
        config: { access: { permission: 'access.assignment.manage', unit: userUnit } },
        schema: {
          ...admin,
          summary: 'Give a role at a unit (inside the caller’s scope, no more than the caller holds).',
          params: IdParams,
          body: GrantBody,
          response: { 201: UserWithAssignments, ...problems },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await grantRole(ctx, actorOf(request), { ...request.body, userId: request.params.id })),
    );

    app.delete(
      '/access/assignments/:id',
      {
        config: {
          access: {
            permission: 'access.assignment.manage',
            unit: (request) => unitOfAssignment(ctx, (request.params as { id: number }).id),
          },
        },
        schema: {
          ...admin,
          summary: 'Withdraw a role assignment.',
          params: IdParams,
          response: { 204: Type.Null(), ...problems },
        },
      },
      async (request, reply) => {
        await revokeRole(ctx, actorOf(request), { assignmentId: request.params.id });
        return reply.code(204).send(null);
      },
    );
  };
