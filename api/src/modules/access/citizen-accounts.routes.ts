/**
 * HTTP only: citizens' accounts by phone. Mounted under /api:
 *   POST /auth/sign-up/code, /auth/sign-up       a code by SMS, then the account (signed in);
 *   POST /auth/recovery/code, /auth/recovery     the same for a new password;
 *   POST /auth/account/delete                    the signed-in citizen deletes their account.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import { actorOf } from '../../platform/actor.ts';
import { problemAnswers } from '../../platform/http/openapi.ts';
import type { AccessContext } from './access.context.ts';
import {
  CodeSent,
  DeleteAccountBody,
  Me,
  PhoneCodeBody,
  RecoveryBody,
  SignUpBody,
} from './access.schemas.ts';
import {
  CodeThrottled,
  deleteOwnAccount,
  recoverPassword,
  requestRecoveryCode,
  requestSignUpCode,
  signUp,
} from './citizen-accounts.service.ts';
import { clearSessionCookie, setSessionCookie } from './sessions.ts';
import { openSession, userWithAssignments } from './sign-in.service.ts';

/** Runs `work`; a throttled answer carries Retry-After. */
async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CodeThrottled) void reply.header('retry-after', String(error.retryAfterSeconds));
    throw error;
  }
}

export const citizenAccountRoutes =
  (ctx: AccessContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const tags = ['auth'];

    app.post(
      '/auth/sign-up/code',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Send a sign-up code by SMS to a Cambodian phone number that has no account yet.',
          description:
            'Six digits, valid 10 minutes, one use, 5 tries. 409 `access.sign_up.phone_taken` when the ' +
            'number has an account; 429 `access.code.throttled` (Retry-After) past 5 codes an hour per ' +
            'number or 20 per address.',
          body: PhoneCodeBody,
          response: { 202: CodeSent, ...problemAnswers(400, 409, 429) },
        },
      },
      async (request, reply) =>
        withRetryAfter(reply, async () =>
          reply
            .code(202)
            .send(
              await requestSignUpCode(ctx, actorOf(request), { phone: request.body.phone, ip: request.ip }),
            ),
        ),
    );

    app.post(
      '/auth/sign-up',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Create a citizen account with the code sent by SMS and a password; signs in.',
          description:
            '400 `access.code.wrong`, `access.code.expired`, `access.code.used`, ' +
            '`access.code.too_many_attempts`; 429 `access.code.throttled` past 10 tries an hour per ' +
            'number or 30 per address in 15 minutes. Nothing is created unless the code is right.',
          body: SignUpBody,
          response: { 201: Me, ...problemAnswers(400, 409, 429) },
        },
      },
      async (request, reply) =>
        withRetryAfter(reply, async () => {
          const actor = actorOf(request);
          const client = { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
          const userId = await signUp(ctx, actor, { ...request.body, ip: client.ip });
          const session = await ctx.inTransaction((trx) => openSession(ctx, trx, actor, userId, client));
          setSessionCookie(reply, session.token);
          return reply
            .code(201)
            .send({ user: await userWithAssignments(ctx, userId), csrfToken: session.csrfToken });
        }),
    );

    app.post(
      '/auth/recovery/code',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'Send a password recovery code by SMS; the same answer whether or not the number has an account.',
          description:
            'A code goes only to a citizen’s account (officers ask their administrator). 429 ' +
            '`access.code.throttled` (Retry-After) as for sign-up.',
          body: PhoneCodeBody,
          response: { 202: CodeSent, ...problemAnswers(400, 429) },
        },
      },
      async (request, reply) =>
        withRetryAfter(reply, async () =>
          reply
            .code(202)
            .send(
              await requestRecoveryCode(ctx, actorOf(request), { phone: request.body.phone, ip: request.ip }),
            ),
        ),
    );

    app.post(
      '/auth/recovery',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'Set a new password with the recovery code; every session and API token of the account ends.',
          body: RecoveryBody,
          response: { 204: Type.Null(), ...problemAnswers(400, 429) },
        },
      },
      async (request, reply) =>
        withRetryAfter(reply, async () => {
          await recoverPassword(ctx, actorOf(request), { ...request.body, ip: request.ip });
          return reply.code(204).send(null);
        }),
    );

    app.post(
      '/auth/account/delete',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary:
            'Delete one’s own citizen account (confirmed with the password): personal fields cleared, filings stay with the office.',
          body: DeleteAccountBody,
          response: { 204: Type.Null(), ...problemAnswers(400, 401, 403) },
        },
      },
      async (request, reply) => {
        await deleteOwnAccount(ctx, actorOf(request), request.body);
        clearSessionCookie(reply);
        return reply.code(204).send(null);
      },
    );
  };
