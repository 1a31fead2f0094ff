/**
 * A small client over `app.inject` that behaves like a browser session (keeps the session
 * cookie and sends the CSRF token on writes) or like a machine client (a bearer token).
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

export interface Client {
  request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  csrfToken?: string;
}

export function anonymous(app: FastifyInstance): Client {
  return {
    request: (method, url, body, headers = {}) =>
      app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) }),
  };
}

export function withToken(app: FastifyInstance, token: string): Client {
  return {
    request: (method, url, body, headers = {}) =>
      app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}`, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

/** Signs in through the API and returns a client holding that session. */
export async function signedIn(app: FastifyInstance, login: string, password: string): Promise<Client> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { login, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${login} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((item) => item.name === 'sndd_session');
  if (!cookie) throw new Error('no session cookie');
  const csrfToken = response.json<{ csrfToken: string }>().csrfToken;
  const client: Client = {
    csrfToken,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method,
        url,
        cookies: { sndd_session: cookie.value },
        headers: { 'x-csrf-token': client.csrfToken ?? '', ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
  return client;
}

/** The demo accounts' password, for tests outside the access module (platform tests among them). */
export { DEMO_PASSWORD } from '../modules/access/index.ts';
