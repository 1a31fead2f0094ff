/** HTTP of the notifications module: the signed-in person's own contact and preferred channel. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../platform/actor.ts';
import { ProblemRef } from '../../platform/http/openapi.ts';
import type { NotificationsContext } from './context.ts';
import { Preferences, PreferencesBody } from './notifications.schemas.ts';
import { getPreferences, setPreferences } from './preferences.service.ts';

const tags = ['notifications'];

export function notificationRoutes(ctx: NotificationsContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/preferences',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'The signed-in person’s contact and preferred channel for messages.',
          response: { 200: Preferences, 401: ProblemRef, 403: ProblemRef },
        },
      },
      async (request) => getPreferences(ctx, actorOf(request)),
    );

    app.put(
      '/preferences',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'Replaces the signed-in person’s contact and preferred channel.',
          body: PreferencesBody,
          response: { 200: Preferences, 400: ProblemRef, 401: ProblemRef, 403: ProblemRef },
        },
      },
      async (request) => setPreferences(ctx, actorOf(request), request.body),
    );
  };
}
