/**
 * National login: sign-in through an OpenID Connect identity provider (the national digital
 * identity, or any provider a deployment trusts), plugged in by configuration alone:
 * `OIDC_ISSUER`, `OIDC_CLIENT_ID`, `OIDC_CLIENT_SECRET` and `OIDC_REDIRECT_URI` (this
 * platform's `/api/auth/oidc/callback` as the provider knows it). Password sign-in stays.
 *
 * The flow is the authorization code flow with PKCE (openid-client does the protocol): the
 * state, the PKCE verifier and the nonce are kept on the server for ten minutes
 * (access_oidc_pending), never in the browser. The answer is mapped to an account by the link
 * made the first time (access_oidc_identity, issuer and subject); a first sign-in links the
 * account whose phone number the provider vouches for (`phone_number_verified`), and nothing
 * else: an identity that matches no account is refused, never given a new one.
 */
import * as oidc from 'openid-client';
import type { Actor } from '../../platform/actor.ts';
import type { AccessContext } from './access.context.ts';
import { fail } from './access.errors.ts';
import { normaliseLogin } from './logins.ts';
import {
  findLinkedUser,
  findUserByPhone,
  insertPendingSignIn,
  linkIdentity,
  takePendingSignIn,
} from './oidc.queries.ts';
import { openSession } from './sign-in.service.ts';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

const PENDING_MINUTES = 10;

/** The settings, or undefined when national login is not set up (config.ts checks them at start). */
export function oidcSettings(env: NodeJS.ProcessEnv = process.env): OidcSettings | undefined {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  return {
    issuer,
    clientId: env.OIDC_CLIENT_ID?.trim() ?? '',
    clientSecret: env.OIDC_CLIENT_SECRET?.trim() ?? '',
    redirectUri: env.OIDC_REDIRECT_URI?.trim() ?? '',
  };
}

// The provider's metadata, discovered once per settings (its keys are fetched by openid-client).
const discovered = new Map<string, Promise<oidc.Configuration>>();

function configurationOf(settings: OidcSettings): Promise<oidc.Configuration> {
  const key = JSON.stringify(settings);
  let found = discovered.get(key);
  if (!found) {
    const issuer = new URL(settings.issuer);
    // Plain http only for a provider on this machine (tests, a local development provider).
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
    found = oidc.discovery(
      issuer,
      settings.clientId,
      settings.clientSecret,
      undefined,
      loopback && issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    // A provider that was down is asked again at the next sign-in.
    found.catch(() => discovered.delete(key));
    discovered.set(key, found);
  }
  return found;
}

/** Only a path of this site: never an open redirect. */
function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

/** Starts a sign-in: the provider's address to send the browser to. */
export async function startNationalSignIn(
  ctx: AccessContext,
  settings: OidcSettings,
  input: { next?: string | undefined },
): Promise<string> {
  const configuration = await configurationOf(settings).catch(() => {
    throw fail('access.oidc.failed', 'The identity provider cannot be reached.');
  });
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  await ctx.inTransaction((trx) =>
    insertPendingSignIn(trx, {
      state,
      codeVerifier,
      nonce,
      nextPath: safeNext(input.next),
      minutes: PENDING_MINUTES,
    }),
  );
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: settings.redirectUri,
    scope: 'openid phone',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return url.href;
}

/**
 * The provider's answer (the callback's full URL): checked by openid-client (state, PKCE,
 * nonce, the ID token's signature, issuer, audience and age), mapped to an account, and a
 * session opened.
 */
export async function finishNationalSignIn(
  ctx: AccessContext,
  actor: Actor,
  settings: OidcSettings,
  input: { callbackUrl: URL; ip: string; userAgent: string | null },
): Promise<{ session: { token: string; csrfToken: string }; userId: number; next: string }> {
  const state = input.callbackUrl.searchParams.get('state') ?? '';
  const pending = await ctx.inTransaction((trx) => takePendingSignIn(trx, state));
  if (!pending) throw fail('access.oidc.failed', 'This sign-in is unknown or has expired: start again.');
  let claims: oidc.IDToken;
  try {
    const configuration = await configurationOf(settings);
    const tokens = await oidc.authorizationCodeGrant(configuration, input.callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('no ID token');
    claims = idClaims;
  } catch (error) {
    ctx.log?.(`national sign-in refused: ${(error as Error).message}`);
    throw fail('access.oidc.failed');
  }
  const issuer = claims.iss;
  const subject = claims.sub;
  const signer: Actor = { ...actor, audit: { ...actor.audit, actorLogin: `oidc:${subject}` } };

  return ctx.inTransaction(async (trx) => {
    let user = await findLinkedUser(trx, issuer, subject);
    if (!user) {
      const phone =
        claims.phone_number_verified === true && typeof claims.phone_number === 'string'
          ? normaliseLogin(claims.phone_number)
          : null;
      const byPhone = phone?.kind === 'phone' ? await findUserByPhone(trx, phone.value) : undefined;
      if (!byPhone) throw fail('access.oidc.no_account');
      await linkIdentity(trx, { issuer, subject, userId: byPhone.id });
      await ctx.audit.write(trx, signer, {
        action: 'auth.oidc.linked',
        entityType: 'access.user',
        entityId: String(byPhone.id),
        after: { issuer, subject },
      });
      user = byPhone;
    }
    if (!user.isActive) throw fail('auth.sign_in.failed');
    const session = await openSession(ctx, trx, signer, user.id, input, 'auth.sign_in.oidc');
    return { session, userId: user.id, next: pending.nextPath };
  });
}
