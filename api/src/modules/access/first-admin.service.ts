/**
 * The first national administrator of a platform started without demo data. Created from the
 * server's command line (`npm run admin:create`, run by whoever operates the server), never
 * over HTTP: nobody is signed in yet who could be allowed to do it. Refused when the login
 * already belongs to an account, so running the command twice cannot take an account over.
 */
import type { Actor } from '../../platform/actor.ts';
import type { AccessContext } from './access.context.ts';
import { fail } from './access.errors.ts';
import { findUserById, findUserWithLogins, insertAssignment, insertUser } from './access.queries.ts';
import { normaliseLogin } from './logins.ts';
import { checkPasswordPolicy, hashPassword } from './passwords.ts';

export interface FirstAdministratorInput {
  /** An e-mail address or a phone number. */
  login: string;
  displayName: string;
  password: string;
}

export async function createFirstAdministrator(
  ctx: AccessContext,
  actor: Actor,
  input: FirstAdministratorInput,
): Promise<{ userId: number; login: string }> {
  const login = normaliseLogin(input.login);
  if (!login) throw fail('access.user.login_missing');
  // A name is optional on the command line: the login stands for it until the person sets one.
  const displayName = input.displayName.trim() || login.value;
  checkPasswordPolicy(input.password);
  const passwordHash = await hashPassword(input.password);
  const logins = {
    email: login.kind === 'email' ? login.value : null,
    phone: login.kind === 'phone' ? login.value : null,
  };
  return ctx.inTransaction(async (trx) => {
    if (await findUserWithLogins(trx, logins)) throw fail('access.user.login_taken');
    // The operator typed the password on the server: no change is forced at first sign-in.
    const userId = await insertUser(trx, {
      ...logins,
      displayName,
      homeUnitCode: null,
      passwordHash,
      mustChangePassword: false,
    });
    const assignment = await insertAssignment(trx, {
      userId,
      roleCode: 'national_admin',
      unitCode: null,
      createdBy: null,
    });
    const user = await findUserById(trx, userId);
    await ctx.audit.writeMany(trx, actor, [
      {
        action: 'access.user.create',
        entityType: 'access.user',
        entityId: String(userId),
        unitCode: null,
        after: user,
      },
      {
        action: 'access.assignment.grant',
        entityType: 'access.user',
        entityId: String(userId),
        unitCode: null,
        after: { assignment },
      },
    ]);
    return { userId, login: login.value };
  });
}
