/**
 * HTTP of the national login (oidc.service.ts), mounted under /api/auth/oidc. The browser is
 * sent to the provider and comes back to the callback; a refusal comes back to the sign-in
 * page with its code (`/sign-in?error=access.oidc.no_account`), which the page says in Khmer
 * or English.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { actorOf } from '../../platform/actor.ts';
import { ProblemRef } from '../../platform/http/openapi.ts';
import { AppError } from '../../platform/http/problem.ts';
import type { AccessContext } from './access.context.ts';
import { fail } from './access.errors.ts';
import { finishNationalSignIn, oidcSettings, startNationalSignIn } from './oidc.service.ts';
import { setSessionCookie } from './sessions.ts';

const tags = ['auth'];

export const oidcRoutes =
  (ctx: AccessContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/auth/oidc',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Whether sign-in with the national identity is set up here.',
          response: { 200: Type.Object({ enabled: Type.Boolean() }) },
        },
      },
      async () => ({ enabled: oidcSettings() !== undefined }),
    );

    app.get(
      '/auth/oidc/start',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Start a sign-in with the national identity: redirects to the identity provider.',
          querystring: Type.Object({
            next: Type.Optional(
              Type.String({ maxLength: 500, description: 'A path of this site to go back to.' }),
            ),
          }),
          response: { 302: Type.Null(), 404: ProblemRef, 401: ProblemRef },
        },
      },
      async (request, reply) => {
        const settings = oidcSettings();
        if (!settings) throw fail('access.oidc.off');
        return reply.redirect(await startNationalSignIn(ctx, settings, { next: request.query.next }), 302);
      },
    );

    app.get(
      '/auth/oidc/callback',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'Where the identity provider sends the browser back: sets the session cookie, then redirects.',
          // The provider's parameters (code, state, iss, or error) are read by openid-client.
          querystring: Type.Object({}, { additionalProperties: true }),
          response: { 302: Type.Null() },
        },
      },
      async (request, reply) => {
        const settings = oidcSettings();
        if (!settings) return reply.redirect('/sign-in?error=access.oidc.off', 302);
        const callbackUrl = new URL(settings.redirectUri);
        callbackUrl.search = new URL(request.url, 'http://callback').search;
        try {
          const { session, next } = await finishNationalSignIn(ctx, actorOf(request), settings, {
            callbackUrl,
            ip: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
          });
          setSessionCookie(reply, session.token);
          return reply.redirect(next, 302);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          return reply.redirect(`/sign-in?error=${encodeURIComponent(error.code)}`, 302);
        }
      },
    );
  };
