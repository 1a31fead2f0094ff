import createClient, { type Middleware } from 'openapi-fetch';
import { queryClient } from '../../app/query-client.ts';
import { normaliseError, toApiError } from './problem.ts';
import type { paths } from './schema.d.ts';

/** The cached answer of GET /api/auth/me: null when signed out. */
export type MeAnswer = paths['/api/auth/me']['get']['responses'][200]['content']['application/json'];
export type SessionUser = MeAnswer['user'];
export type Assignment = SessionUser['assignments'][number];

export const ME_QUERY_KEY = ['auth', 'me'] as const;

/**
 * The session cookie is sent by the browser on its own, so every write must also echo the
 * session's CSRF token (given by sign-in and by /me, kept in the query cache) in a header.
 * Reads send it too: a public route shows a signed-in caller more (a proposed budget, members'
 * personal details) only when the session proves it comes from our app (ctx.access.viewer).
 */
export const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    const me = queryClient.getQueryData<MeAnswer | null>(ME_QUERY_KEY);
    if (me?.csrfToken) request.headers.set('x-csrf-token', me.csrfToken);
    return request;
  },
};

// Same origin: the API serves the web app, and the Vite dev server proxies /api.
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrfMiddleware);

/**
 * Unwraps an openapi-fetch answer: its data when the status is 2xx (undefined for 204),
 * otherwise an ApiError carrying the problem's code.
 */
export async function call<T>(
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  try {
    const { data, error, response } = await request;
    if (!response.ok) throw toApiError(error, response);
    return data as T;
  } catch (err) {
    throw normaliseError(err);
  }
}
