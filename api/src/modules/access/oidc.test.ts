/**
 * National login against a real OpenID Connect provider (the `oidc-provider` package, started
 * here on its own port with its development login pages), and the real application over a
 * socket: the browser's round trip is followed by hand, cookies and all.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { sql } from 'kysely';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';

const CLIENT = { id: 'sndd-platform', secret: 'a-client-secret-for-the-test-only' };
/** The provider's people: the phone it vouches for. */
const PHONES: Record<string, string> = {
  'KH-0001': '+855 12 987 654',
  'KH-0002': '+855 99 000 111',
};

class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  async go(url: string, init: RequestInit = {}): Promise<Response> {
    const origin = new URL(url).origin;
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return response;
  }

  /**
   * From the platform's start to its callback's answer: follows redirects, and on the
   * provider's pages signs in as `account` and consents, as a person would.
   */
  async signInThrough(start: string, appBase: string, account: string): Promise<Response> {
    let response = await this.go(start);
    for (let step = 0; step < 20; step += 1) {
      const location = response.headers.get('location');
      if (location) {
        const next = new URL(location, response.url || start).href;
        response = await this.go(next);
        if (next.startsWith(`${appBase}/api/auth/oidc/callback`)) return response;
        continue;
      }
      const page = await response.text();
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
      const action = /action="([^"]+)"/.exec(page)?.[1];
      if (!prompt || !action) throw new Error(`unexpected provider page: ${page.slice(0, 300)}`);
      const form = new URLSearchParams({
        prompt,
        ...(prompt === 'login' ? { login: account, password: 'x' } : {}),
      });
      response = await this.go(new URL(action, response.url).href, {
        method: 'POST',
        body: form.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    }
    throw new Error('the sign-in never came back to the platform');
  }
}

describe('sign-in with the national identity (OpenID Connect)', () => {
  let t: TestApp;
  let appBase: string;
  let providerServer: Server;
  const saved = { ...process.env };

  beforeAll(async () => {
    t = await openTestApp();
    appBase = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1');
    // The provider's address must be known before it is built: take a port first.
    const { createServer } = await import('node:http');
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const issuer = `http://127.0.0.1:${port}`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT.id,
          client_secret: CLIENT.secret,
          redirect_uris: [`${appBase}/api/auth/oidc/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      claims: { openid: ['sub'], phone: ['phone_number', 'phone_number_verified'] },
      findAccount: async (_ctx, id) => ({
        accountId: id,
        claims: async () => ({ sub: id, phone_number: PHONES[id], phone_number_verified: true }),
      }),
      conformIdTokenClaims: false,
      features: { devInteractions: { enabled: true } },
      cookies: { keys: ['a-cookie-key-for-the-test-only'] },
    });
    providerServer = provider.listen(port, '127.0.0.1');
    await new Promise((resolve) => providerServer.once('listening', resolve));
    Object.assign(process.env, {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CLIENT.id,
      OIDC_CLIENT_SECRET: CLIENT.secret,
      OIDC_REDIRECT_URI: `${appBase}/api/auth/oidc/callback`,
    });
    // A person with an account whose phone the provider vouches for (KH-0001); KH-0002 has none.
    await sql`
      insert into access_user (phone, display_name, password_hash)
      values ('+85512987654', 'Sok Dara (example)', 'no password')`.execute(t.db.kysely);
  }, 120_000);

  afterAll(async () => {
    for (const name of ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'])
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    await new Promise((resolve) => providerServer?.close(resolve));
    await t?.close();
  });

  it('says that it is set up', async () => {
    const answer = await fetch(`${appBase}/api/auth/oidc`);
    expect(await answer.json()).toEqual({ enabled: true });
  });

  it('signs in the account whose verified phone the provider gives, and links the identity', async () => {
    const browser = new Browser();
    const back = await browser.signInThrough(
      `${appBase}/api/auth/oidc/start?next=/account`,
      appBase,
      'KH-0001',
    );
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('/account');
    const me = await browser.go(`${appBase}/api/auth/me`);
    expect(me.status).toBe(200);
    const body = (await me.json()) as { user: { displayName: string } };
    expect(body.user.displayName).toBe('Sok Dara (example)');

    const linked = await sql<{ subject: string }>`select subject from access_oidc_identity`.execute(
      t.db.kysely,
    );
    expect(linked.rows.map((row) => row.subject)).toEqual(['KH-0001']);
    const audit = await sql<{ action: string }>`
      select action from audit_record where action like 'auth.%oidc%' order by seq`.execute(t.db.kysely);
    expect(audit.rows.map((row) => row.action)).toEqual(['auth.oidc.linked', 'auth.sign_in.oidc']);

    // The second time, the link is used (the phone is not looked at again).
    const again = new Browser();
    const second = await again.signInThrough(`${appBase}/api/auth/oidc/start`, appBase, 'KH-0001');
    expect(second.headers.get('location')).toBe('/');
    expect((await again.go(`${appBase}/api/auth/me`)).status).toBe(200);
  });

  it('refuses an identity that matches no account, back on the sign-in page with the code', async () => {
    const browser = new Browser();
    const back = await browser.signInThrough(`${appBase}/api/auth/oidc/start`, appBase, 'KH-0002');
    expect(back.headers.get('location')).toBe('/sign-in?error=access.oidc.no_account');
    expect((await browser.go(`${appBase}/api/auth/me`)).status).toBe(401);
  });

  it('refuses a callback it did not start (unknown state) and never redirects off the site', async () => {
    const forged = await fetch(`${appBase}/api/auth/oidc/callback?code=abc&state=not-ours`, {
      redirect: 'manual',
    });
    expect(forged.headers.get('location')).toBe('/sign-in?error=access.oidc.failed');
    const start = await fetch(`${appBase}/api/auth/oidc/start?next=//evil.example`, { redirect: 'manual' });
    const state = new URL(start.headers.get('location') as string).searchParams.get('state');
    const pending = await sql<{ next_path: string }>`
      select next_path from access_oidc_pending where state = ${state}`.execute(t.db.kysely);
    expect(pending.rows[0]?.next_path).toBe('/');
  });
});
