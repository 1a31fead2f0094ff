/**
 * Citizens' own accounts, by phone: sign up with a one-time code sent by SMS (through the
 * notifications port) and a password; recover a password the same way; delete one's account.
 * Officers keep their accounts from their administrators: a recovery code is only ever sent
 * to an account that holds the citizen role alone, and only such an account may delete itself.
 *
 * Asking for a recovery code answers the same whether or not the number has an account: a row
 * is written either way (for a number without one, with a code nobody is sent), so that trying
 * codes behaves the same too. Each change runs in one transaction with its audit record; the
 * audit never holds a phone number or a code.
 */
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { normaliseCambodianPhone } from '../../platform/phone.ts';
import { throttleOn } from '../../platform/throttle/throttle.ts';
import type { AccessContext } from './access.context.ts';
import { ACCESS_ERRORS, fail } from './access.errors.ts';
import {
  findPasswordHash,
  insertAssignment,
  insertUser,
  updatePassword,
  type AccessDb,
} from './access.queries.ts';
import { revokeAllTokens } from './api-tokens.service.ts';
import { checkPasswordPolicy, hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import {
  CODE_MAX_ATTEMPTS,
  CODE_THROTTLE_RULES,
  CODE_TTL_MINUTES,
  codeMessage,
  hashCode,
  newCode,
  newSalt,
  readCode,
  sameHash,
  type CodePurpose,
} from './phone-codes.ts';
import {
  clearAccount,
  countTryOfLatestCode,
  deleteOidcIdentities,
  deletePhoneCodes,
  findAccountByPhone,
  insertPhoneCode,
  liveRoleCodes,
  markCodeUsed,
  phoneOfAccount,
  revokeAllAssignments,
} from './phone-codes.queries.ts';
import { newSecret } from './secrets.ts';
import { revokeUserSessions } from './sessions.queries.ts';

const CITIZEN_ROLE = 'citizen';
const throttle = throttleOn('access_sign_in_throttle');

/** 429 with the seconds to wait (the route sends them as Retry-After). */
export class CodeThrottled extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      'access.code.throttled',
      ACCESS_ERRORS['access.code.throttled'].title,
      `Retry after ${retryAfterSeconds} seconds.`,
    );
  }
}

export interface Client {
  ip: string;
}

function phoneOf(typed: string): string {
  const phone = normaliseCambodianPhone(typed);
  if (!phone) throw fail('access.user.phone_invalid');
  return phone;
}

/** Counts one request on the number's and the address's keys; 429 past either limit. */
async function throttled(
  ctx: AccessContext,
  kind: 'send' | 'check',
  phone: string,
  ip: string,
): Promise<void> {
  const [perPhone, perAddress] =
    kind === 'send'
      ? [CODE_THROTTLE_RULES.sendPerPhone, CODE_THROTTLE_RULES.sendPerAddress]
      : [CODE_THROTTLE_RULES.checkPerPhone, CODE_THROTTLE_RULES.checkPerAddress];
  const wait = await ctx.inTransaction(async (trx) => {
    const byPhone = await throttle.count(trx, `code-${kind}:phone:${phone}`, perPhone, 'pass');
    const byAddress = await throttle.count(trx, `code-${kind}:ip:${ip}`, perAddress, 'pass');
    return Math.max(byPhone, byAddress);
  });
  if (wait > 0) throw new CodeThrottled(wait);
}

/** Writes a code for the phone and, when it goes to a person, its SMS, in `trx`. */
async function issueCode(
  ctx: AccessContext,
  trx: AccessDb,
  input: { purpose: CodePurpose; phone: string; userId: number | null; send: boolean; ip: string },
): Promise<void> {
  const code = newCode();
  const salt = newSalt();
  const id = await insertPhoneCode(trx, {
    purpose: input.purpose,
    phone: input.phone,
    userId: input.userId,
    codeHash: hashCode(salt, input.purpose, input.phone, code),
    salt,
    ttlMinutes: CODE_TTL_MINUTES,
    ip: input.ip,
  });
  if (!input.send) return;
  await ctx.ports.notifications.notify(trx, {
    topic: 'account.code',
    sourceModule: 'access',
    entityType: 'access.phone_code',
    entityId: String(id),
    reference: input.purpose === 'sign_up' ? 'sign-up' : 'recovery',
    status: 'sent',
    // No office's officers see these messages (no unit): the national level.
    unitCode: '',
    recipientAccountId: input.userId,
    recipientPhone: input.phone,
    recipientEmail: null,
    ...codeMessage(input.purpose, code),
  });
}

export interface CodeSent {
  expiresInSeconds: number;
}

/** Sends a sign-up code to a number that has no account yet (409 when it has one). */
export async function requestSignUpCode(
  ctx: AccessContext,
  _actor: Actor,
  input: { phone: string } & Client,
): Promise<CodeSent> {
  const phone = phoneOf(input.phone);
  if (await findAccountByPhone(ctx.db, phone)) throw fail('access.sign_up.phone_taken');
  await throttled(ctx, 'send', phone, input.ip);
  await ctx.inTransaction((trx) =>
    issueCode(ctx, trx, { purpose: 'sign_up', phone, userId: null, send: true, ip: input.ip }),
  );
  return { expiresInSeconds: CODE_TTL_MINUTES * 60 };
}

/** May this account get a recovery code by SMS? A live citizen account, nothing more. */
async function recoverable(db: AccessDb, account: { id: number; isActive: boolean } | undefined) {
  if (!account?.isActive) return false;
  const roles = await liveRoleCodes(db, account.id);
  return roles.length > 0 && roles.every((role) => role === CITIZEN_ROLE);
}

/** Sends a recovery code; the same answer whether or not the number has an account. */
export async function requestRecoveryCode(
  ctx: AccessContext,
  _actor: Actor,
  input: { phone: string } & Client,
): Promise<CodeSent> {
  const phone = phoneOf(input.phone);
  await throttled(ctx, 'send', phone, input.ip);
  await ctx.inTransaction(async (trx) => {
    const account = await findAccountByPhone(trx, phone);
    const send = await recoverable(trx, account);
    await issueCode(ctx, trx, {
      purpose: 'recovery',
      phone,
      userId: send ? account!.id : null,
      send,
      ip: input.ip,
    });
  });
  return { expiresInSeconds: CODE_TTL_MINUTES * 60 };
}

type Verdict =
  | { ok: true; codeId: number; userId: number | null }
  | {
      ok: false;
      code:
        'access.code.wrong' | 'access.code.expired' | 'access.code.used' | 'access.code.too_many_attempts';
    };

/** What a try of a code comes to (the try already counted in `row.attempts`). */
function judge(row: Awaited<ReturnType<typeof countTryOfLatestCode>>, typedHash: string | null): Verdict {
  if (!row) return { ok: false, code: 'access.code.wrong' };
  if (row.attempts > CODE_MAX_ATTEMPTS) return { ok: false, code: 'access.code.too_many_attempts' };
  if (!typedHash || !sameHash(row.codeHash, typedHash)) {
    // The last try allowed was wrong too: say the code is spent.
    return {
      ok: false,
      code: row.attempts >= CODE_MAX_ATTEMPTS ? 'access.code.too_many_attempts' : 'access.code.wrong',
    };
  }
  if (row.usedAt) return { ok: false, code: 'access.code.used' };
  if (row.expired) return { ok: false, code: 'access.code.expired' };
  return { ok: true, codeId: row.id, userId: row.userId };
}

/**
 * Tries the typed code against the latest code of the phone, counting the try (committed even
 * when the code is wrong). On a right code, `then` runs in the same transaction, which uses
 * the code: the account and the code's use commit together or not at all.
 */
async function withCode<T>(
  ctx: AccessContext,
  input: { purpose: CodePurpose; phone: string; code: string; ip: string },
  then: (trx: AccessDb, verdict: { codeId: number; userId: number | null }) => Promise<T>,
): Promise<T> {
  await throttled(ctx, 'check', input.phone, input.ip);
  const typed = readCode(input.code);
  // A wrong code's try must be counted: its transaction commits, then the refusal is thrown.
  const result = await ctx.inTransaction(async (trx): Promise<{ verdict: Verdict; value?: T }> => {
    const row = await countTryOfLatestCode(trx, input.purpose, input.phone);
    const verdict = judge(row, typed && row ? hashCode(row.salt, input.purpose, input.phone, typed) : null);
    if (!verdict.ok) return { verdict };
    // A recovery code written for a number without an account is never right.
    if (input.purpose === 'recovery' && verdict.userId === null)
      return { verdict: { ok: false, code: 'access.code.wrong' } };
    if (!(await markCodeUsed(trx, verdict.codeId)))
      return { verdict: { ok: false, code: 'access.code.used' } };
    return { verdict, value: await then(trx, verdict) };
  });
  if (!result.verdict.ok) throw fail(result.verdict.code);
  // Right code: the number's tries start again, the address gets its try back.
  await ctx.inTransaction(async (trx) => {
    await throttle.clear(trx, `code-check:phone:${input.phone}`);
    await throttle.forgiveOne(trx, `code-check:ip:${input.ip}`);
  });
  return result.value as T;
}

export interface SignUpInput extends Client {
  phone: string;
  code: string;
  displayName: string;
  password: string;
}

/** Creates the citizen's account once the code is right; its id. */
export async function signUp(ctx: AccessContext, actor: Actor, input: SignUpInput): Promise<number> {
  const phone = phoneOf(input.phone);
  // Before the code is tried: a weak password does not spend a try.
  checkPasswordPolicy(input.password);
  const passwordHash = await hashPassword(input.password);
  return withCode(ctx, { purpose: 'sign_up', phone, code: input.code, ip: input.ip }, async (trx) => {
    if (await findAccountByPhone(trx, phone)) throw fail('access.sign_up.phone_taken');
    const userId = await insertUser(trx, {
      email: null,
      phone,
      displayName: input.displayName,
      homeUnitCode: null,
      passwordHash,
    });
    await insertAssignment(trx, { userId, roleCode: CITIZEN_ROLE, unitCode: null, createdBy: userId });
    await ctx.audit.write(
      trx,
      { ...actor, audit: { ...actor.audit, actorUserId: userId } },
      {
        action: 'access.user.sign_up',
        entityType: 'access.user',
        entityId: String(userId),
        after: { roleCode: CITIZEN_ROLE, by: 'phone' },
      },
    );
    return userId;
  });
}

/** Sets a new password once the recovery code is right; every session and token of the account ends. */
export async function recoverPassword(
  ctx: AccessContext,
  actor: Actor,
  input: Client & { phone: string; code: string; newPassword: string },
): Promise<void> {
  const phone = phoneOf(input.phone);
  checkPasswordPolicy(input.newPassword);
  const passwordHash = await hashPassword(input.newPassword);
  await withCode(
    ctx,
    { purpose: 'recovery', phone, code: input.code, ip: input.ip },
    async (trx, verdict) => {
      const userId = verdict.userId!;
      await updatePassword(trx, userId, passwordHash, false);
      await revokeUserSessions(trx, userId);
      const recoverer: Actor = { ...actor, audit: { ...actor.audit, actorUserId: userId } };
      await revokeAllTokens(ctx, trx, recoverer, { userId, reason: 'password_recovery' });
      await ctx.audit.write(trx, recoverer, {
        action: 'access.user.password_recover',
        entityType: 'access.user',
        entityId: String(userId),
      });
    },
  );
}

/**
 * The signed-in citizen deletes their account, confirming with their password: the personal
 * fields are cleared, every session, token and role ends; what they filed stays with the
 * office, under the account's id.
 */
export async function deleteOwnAccount(
  ctx: AccessContext,
  actor: Actor,
  input: { password: string },
): Promise<void> {
  const principal = actor.principal;
  if (!principal) throw fail('auth.unauthenticated');
  const userId = principal.userId;
  const roles = await liveRoleCodes(ctx.db, userId);
  if (!roles.every((role) => role === CITIZEN_ROLE)) throw fail('access.account.not_citizen');
  const stored = await findPasswordHash(ctx.db, userId);
  const ok = stored
    ? await verifyPassword(stored.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!ok) throw fail('access.password.current_wrong');
  // Nothing can sign in with this: a hash of a secret nobody keeps.
  const unusable = await hashPassword(newSecret());
  await ctx.inTransaction(async (trx) => {
    const phone = await phoneOfAccount(trx, userId);
    if (phone) await deletePhoneCodes(trx, phone);
    await revokeAllTokens(ctx, trx, actor, { userId, reason: 'account_deleted' });
    await revokeUserSessions(trx, userId);
    await revokeAllAssignments(trx, userId);
    await deleteOidcIdentities(trx, userId);
    await clearAccount(trx, userId, unusable);
    // The person's contacts for messages (phone, e-mail, Telegram chat) go with the account.
    await ctx.ports.notifications.forgetRecipient(trx, userId);
    await ctx.audit.write(trx, actor, {
      action: 'access.user.delete',
      entityType: 'access.user',
      entityId: String(userId),
      after: { personalFieldsCleared: true },
    });
  });
}
