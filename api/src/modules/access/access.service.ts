/**
 * The access module's rules: signing in and out, one's own account and tokens, and the
 * administration of accounts and role assignments inside the administrator's own scope.
 * Every change runs in a transaction together with its audit record.
 */
import type { FastifyRequest } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { auditActor } from '../../platform/audit/audit-context.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { PrincipalAssignment } from '../../platform/auth/principal.ts';
import { forbidden } from '../../platform/auth/access-control.ts';
import { AppError, notFound } from '../../platform/http/problem.ts';
import { fetchPage, type PageResult } from '../../platform/http/paging.ts';
import { permissionsGrantedTo, type ModuleManifest, type SeedContext } from '../../platform/module.ts';
import { isUnitWithin, subtreeCodesQuery, unitExists } from '../gazetteer/index.ts';
import {
  activeAssignments,
  findAssignment,
  findPasswordHash,
  findRole,
  findUserById,
  findUserForSignIn,
  rolePermissions,
  USER_COLUMNS,
  type AccessDb,
} from './access.queries.ts';
import type { CreateUserBody, GrantBody, UpdateUserBody, UserListQuery } from './access.schemas.ts';
import { normaliseLogin } from './logins.ts';
import { checkPasswordPolicy, hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { BUILT_IN_ROLES } from './roles.ts';
import { createSession, revokeUserSessions } from './sessions.ts';
import { forgiveSignInAttempt, reserveSignInAttempt } from './sign-in-throttle.ts';
import { loginOf } from './authenticator.ts';

// The gazetteer's functions take any Kysely; ours is narrowed to the access tables.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const anyDb = (db: AccessDb) => db as unknown as Kysely<any>;

const signInFailed = () => new AppError(401, 'auth.sign_in.failed', 'The login or the password is wrong.');

// ---------------------------------------------------------------------------- reference data

/** Writes every module's permissions and the built-in roles (idempotent, at every start). */
export async function syncRolesAndPermissions(
  { db }: SeedContext,
  modules: readonly ModuleManifest[],
): Promise<void> {
  const access = db as AccessDb;
  const permissions = modules.flatMap((module) => module.permissions ?? []);
  if (permissions.length > 0) {
    await access
      .insertInto('access_permission')
      .values(
        permissions.map((permission) => ({
          code: permission.code,
          module: permission.code.split('.')[0] ?? '',
          description_en: permission.descriptionEn,
          description_km: permission.descriptionKm,
        })),
      )
      .onConflict((conflict) =>
        conflict.column('code').doUpdateSet((eb) => ({
          description_en: eb.ref('excluded.description_en'),
          description_km: eb.ref('excluded.description_km'),
        })),
      )
      .execute();
  }
  const allCodes = permissions.map((permission) => permission.code);
  for (const role of BUILT_IN_ROLES) {
    await access
      .insertInto('access_role')
      .values({
        code: role.code,
        name_km: role.nameKm,
        name_en: role.nameEn,
        description_en: role.descriptionEn,
        is_builtin: true,
        assignable_at: role.assignableAt,
      })
      .onConflict((conflict) =>
        conflict.column('code').doUpdateSet((eb) => ({
          name_km: eb.ref('excluded.name_km'),
          name_en: eb.ref('excluded.name_en'),
          description_en: eb.ref('excluded.description_en'),
          assignable_at: eb.ref('excluded.assignable_at'),
          is_builtin: true,
        })),
      )
      .execute();
    const wanted =
      role.permissions === '*'
        ? allCodes
        : permissionsGrantedTo(modules, role.code).filter((code) => allCodes.includes(code));
    await access.deleteFrom('access_role_permission').where('role_code', '=', role.code).execute();
    if (wanted.length > 0) {
      await access
        .insertInto('access_role_permission')
        .values(wanted.map((code) => ({ role_code: role.code, permission_code: code })))
        .execute();
    }
  }
}

// ---------------------------------------------------------------------------- sign-in

export async function signIn(
  db: AccessDb,
  body: { login: string; password: string },
  request: FastifyRequest,
) {
  const login = normaliseLogin(body.login);
  const loginKey = login?.value ?? body.login.trim().toLowerCase().slice(0, 254);
  const actor = { ...auditActor(request), actorLogin: loginKey };

  const waitSeconds = await db
    .transaction()
    .execute((trx) => reserveSignInAttempt(trx, loginKey, request.ip));
  if (waitSeconds > 0) {
    await db.transaction().execute((trx) =>
      writeAudit(trx, {
        ...actor,
        action: 'auth.sign_in.throttled',
        entityType: 'access.login',
        entityId: loginKey,
      }),
    );
    throw new AppError(
      429,
      'auth.sign_in.throttled',
      'Too many attempts. Wait a few minutes, then try again.',
      `Retry after ${waitSeconds} seconds.`,
    );
  }

  const user = login ? await findUserForSignIn(db, login.kind, login.value) : undefined;
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, body.password)
    : await verifyAgainstDummy(body.password);
  if (!user || !passwordOk || !user.isActive) {
    await db.transaction().execute((trx) =>
      writeAudit(trx, {
        ...actor,
        action: 'auth.sign_in.failed',
        entityType: 'access.login',
        entityId: loginKey,
      }),
    );
    throw signInFailed();
  }

  return db.transaction().execute(async (trx) => {
    await forgiveSignInAttempt(trx, loginKey, request.ip);
    const session = await createSession(trx, user.id, request);
    await writeAudit(trx, {
      ...actor,
      actorUserId: user.id,
      action: 'auth.sign_in',
      entityType: 'access.user',
      entityId: String(user.id),
    });
    return { session, userId: user.id };
  });
}

export async function signOut(db: AccessDb, request: FastifyRequest): Promise<void> {
  const sessionId = request.principal?.sessionId;
  if (!sessionId) return;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('access_session')
      .set({ revoked_at: sql`now()` })
      .where('id_hash', '=', sessionId)
      .execute();
    await writeAudit(trx, {
      ...auditActor(request),
      action: 'auth.sign_out',
      entityType: 'access.user',
      entityId: String(request.principal?.userId),
    });
  });
}

export async function userWithAssignments(db: AccessDb, userId: number) {
  const user = await findUserById(db, userId);
  if (!user) throw notFound('access.user.not_found', 'No such user.');
  return { ...user, assignments: await activeAssignments(db, userId) };
}

export async function changeOwnPassword(
  db: AccessDb,
  request: FastifyRequest,
  body: { currentPassword: string; newPassword: string },
): Promise<void> {
  const principal = request.principal;
  if (!principal) throw new AppError(401, 'auth.unauthenticated', 'Sign in to do this.');
  const stored = await findPasswordHash(db, principal.userId);
  if (!stored || !(await verifyPassword(stored.passwordHash, body.currentPassword))) {
    throw new AppError(400, 'access.password.current_wrong', 'The current password is wrong.');
  }
  checkPasswordPolicy(body.newPassword);
  if (body.newPassword === body.currentPassword) {
    throw new AppError(
      400,
      'access.password.unchanged',
      'The new password must differ from the current one.',
    );
  }
  const hash = await hashPassword(body.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('access_user')
      .set({
        password_hash: hash,
        must_change_password: false,
        password_changed_at: sql`now()`,
        updated_at: sql`now()`,
      })
      .where('id', '=', principal.userId)
      .execute();
    await revokeUserSessions(trx, principal.userId, principal.sessionId);
    await writeAudit(trx, {
      ...auditActor(request),
      action: 'access.user.password_change',
      entityType: 'access.user',
      entityId: String(principal.userId),
    });
  });
}

// ---------------------------------------------------------------------------- administration

/** The unit an account belongs to, for the access check of routes that name an account. */
export async function unitOfUser(db: AccessDb, userId: number): Promise<string | null> {
  const user = await findUserById(db, userId);
  if (!user) throw notFound('access.user.not_found', 'No such user.');
  return user.homeUnitCode;
}

export async function unitOfAssignment(db: AccessDb, assignmentId: number): Promise<string | null> {
  const assignment = await findAssignment(db, assignmentId);
  if (!assignment || assignment.revokedAt)
    throw notFound('access.assignment.not_found', 'No such role assignment.');
  return assignment.unitCode;
}

async function requireUnit(db: AccessDb, unitCode: string | null): Promise<void> {
  if (unitCode !== null && !(await unitExists(anyDb(db), unitCode))) {
    throw new AppError(400, 'access.unit.not_found', `No administrative unit has the code ${unitCode}.`);
  }
}

/** Can this caller act at this unit with this permission (used for a second unit in one request)? */
async function holdsAt(
  db: AccessDb,
  request: FastifyRequest,
  permission: string,
  unitCode: string | null,
): Promise<PrincipalAssignment | undefined> {
  for (const assignment of request.principal?.assignments ?? []) {
    if (!assignment.permissions.has(permission)) continue;
    if (assignment.unitCode === null) return assignment;
    if (unitCode !== null && (await isUnitWithin(anyDb(db), unitCode, assignment.unitCode)))
      return assignment;
  }
  return undefined;
}

export function listUsers(
  db: AccessDb,
  request: FastifyRequest,
  query: UserListQuery,
): Promise<PageResult<unknown>> {
  let select = db.selectFrom('access_user').select(USER_COLUMNS);
  const scope = request.access.scope;
  if (scope !== 'all') {
    // Only accounts whose home unit lies in the caller's subtrees; national accounts are
    // visible to national callers only.
    select = select.where('home_unit_code', 'in', subtreeCodesQuery(anyDb(db), scope) as never);
  }
  if (query.within)
    select = select.where('home_unit_code', 'in', subtreeCodesQuery(anyDb(db), [query.within]) as never);
  if (query.active !== undefined) select = select.where('is_active', '=', query.active);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    select = select.where((eb) =>
      eb.or([
        eb('display_name', 'ilike', pattern),
        eb('email', 'ilike', pattern),
        eb('phone', 'ilike', pattern),
      ]),
    );
  }
  return fetchPage(select, {
    page: query.page,
    pageSize: query.pageSize,
    sort: query.sort,
    columns: {
      displayName: 'access_user.display_name',
      createdAt: 'access_user.created_at',
      id: 'access_user.id',
    },
    tieBreak: 'access_user.id',
  });
}

function loginsOf(body: { email?: string | undefined; phone?: string | undefined }) {
  const email = body.email ? normaliseLogin(body.email) : null;
  const phone = body.phone ? normaliseLogin(body.phone) : null;
  if (body.email && email?.kind !== 'email')
    throw new AppError(400, 'access.user.email_invalid', 'This e-mail address is not valid.');
  if (body.phone && phone?.kind !== 'phone')
    throw new AppError(400, 'access.user.phone_invalid', 'This phone number is not valid.');
  if (!email && !phone)
    throw new AppError(400, 'access.user.login_missing', 'Give an e-mail address or a phone number.');
  return { email: email?.value ?? null, phone: phone?.value ?? null };
}

async function ensureLoginFree(
  db: AccessDb,
  logins: { email: string | null; phone: string | null },
  exceptId?: number,
) {
  let query = db
    .selectFrom('access_user')
    .select('id')
    .where((eb) => {
      const parts = [];
      if (logins.email) parts.push(eb('email', '=', logins.email));
      if (logins.phone) parts.push(eb('phone', '=', logins.phone));
      return eb.or(parts);
    });
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst()) {
    throw new AppError(
      409,
      'access.user.login_taken',
      'Another account already uses this e-mail address or phone number.',
    );
  }
}

export async function createUser(db: AccessDb, request: FastifyRequest, body: CreateUserBody) {
  const logins = loginsOf(body);
  await requireUnit(db, body.homeUnitCode);
  checkPasswordPolicy(body.password);
  const hash = await hashPassword(body.password);
  return db.transaction().execute(async (trx) => {
    await ensureLoginFree(trx, logins);
    const created = await trx
      .insertInto('access_user')
      .values({
        email: logins.email,
        phone: logins.phone,
        display_name: body.displayName.trim(),
        home_unit_code: body.homeUnitCode,
        password_hash: hash,
        must_change_password: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = await findUserById(trx, created.id);
    await writeAudit(trx, {
      ...auditActor(request),
      action: 'access.user.create',
      entityType: 'access.user',
      entityId: String(created.id),
      unitCode: body.homeUnitCode,
      after: user,
    });
    return { ...user!, assignments: [] };
  });
}

export async function updateUser(
  db: AccessDb,
  request: FastifyRequest,
  userId: number,
  body: UpdateUserBody,
) {
  if (body.homeUnitCode !== undefined) {
    await requireUnit(db, body.homeUnitCode);
    // Moving an account to another unit needs the right there too.
    if (!(await holdsAt(db, request, 'access.user.manage', body.homeUnitCode))) {
      throw forbidden(`Needs the permission access.user.manage at unit ${body.homeUnitCode ?? 'national'}.`);
    }
  }
  if (request.principal?.userId === userId && body.isActive === false) {
    throw new AppError(400, 'access.user.cannot_disable_self', 'You cannot disable your own account.');
  }
  return db.transaction().execute(async (trx) => {
    const before = await findUserById(trx, userId);
    if (!before) throw notFound('access.user.not_found', 'No such user.');
    await trx
      .updateTable('access_user')
      .set({
        ...(body.displayName !== undefined ? { display_name: body.displayName.trim() } : {}),
        ...(body.isActive !== undefined ? { is_active: body.isActive } : {}),
        ...(body.homeUnitCode !== undefined ? { home_unit_code: body.homeUnitCode } : {}),
        updated_at: sql`now()`,
      })
      .where('id', '=', userId)
      .execute();
    if (body.isActive === false) await revokeUserSessions(trx, userId);
    const after = await findUserById(trx, userId);
    await writeAudit(trx, {
      ...auditActor(request),
      action: 'access.user.update',
      entityType: 'access.user',
      entityId: String(userId),
      unitCode: after?.homeUnitCode ?? null,
      before,
      after,
    });
    return { ...after!, assignments: await activeAssignments(trx, userId) };
  });
}

export async function resetPassword(
  db: AccessDb,
  request: FastifyRequest,
  userId: number,
  newPassword: string,
): Promise<void> {
  checkPasswordPolicy(newPassword);
  const hash = await hashPassword(newPassword);
  await db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw notFound('access.user.not_found', 'No such user.');
    await trx
      .updateTable('access_user')
      .set({
        password_hash: hash,
        must_change_password: true,
        password_changed_at: sql`now()`,
        updated_at: sql`now()`,
      })
      .where('id', '=', userId)
      .execute();
    await revokeUserSessions(trx, userId);
    await writeAudit(trx, {
      ...auditActor(request),
      action: 'access.user.password_reset',
      entityType: 'access.user',
      entityId: String(userId),
      unitCode: user.homeUnitCode,
    });
  });
}

function assignableAt(role: { assignable_at: string }, unitCode: string | null): boolean {
  if (role.assignable_at === 'any') return true;
  if (role.assignable_at === 'root') return unitCode === null;
  return unitCode !== null && unitCode.length === Number(role.assignable_at) * 2;
}

export async function grantRole(db: AccessDb, request: FastifyRequest, userId: number, body: GrantBody) {
  const role = await findRole(db, body.roleCode);
  if (!role) throw new AppError(400, 'access.role.not_found', `There is no role ${body.roleCode}.`);
  await requireUnit(db, body.unitCode);
  if (!assignableAt(role, body.unitCode)) {
    throw new AppError(
      400,
      'access.assignment.wrong_level',
      `The role ${role.code} cannot be given at this level of the tree.`,
    );
  }
  // The assignment's own unit must be inside the administrator's scope…
  const using = await holdsAt(db, request, 'access.assignment.manage', body.unitCode);
  if (!using)
    throw new AppError(
      403,
      'access.assignment.out_of_scope',
      'You can only give roles at units inside your own scope.',
    );
  // …and nobody can hand out more than they hold there (no escalation).
  for (const permission of await rolePermissions(db, role.code)) {
    if (!(await holdsAt(db, request, permission, body.unitCode))) {
      throw new AppError(
        403,
        'access.assignment.escalation',
        `You cannot give a role with the permission ${permission}, which you do not hold there.`,
      );
    }
  }
  return db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw notFound('access.user.not_found', 'No such user.');
    const existing = await trx
      .selectFrom('access_assignment')
      .select('id')
      .where('user_id', '=', userId)
      .where('role_code', '=', role.code)
      .where((eb) =>
        body.unitCode === null ? eb('unit_code', 'is', null) : eb('unit_code', '=', body.unitCode),
      )
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (existing)
      throw new AppError(409, 'access.assignment.exists', 'This person already has this role at this unit.');
    const created = await trx
      .insertInto('access_assignment')
      .values({
        user_id: userId,
        role_code: role.code,
        unit_code: body.unitCode,
        created_by: request.principal?.userId ?? null,
      })
      .returning(['id', 'user_id as userId', 'role_code as roleCode', 'unit_code as unitCode'])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      ...auditActor(request),
      assignmentId: using.id,
      action: 'access.assignment.grant',
      // Recorded against the account, so that its history shows every role it was given.
      entityType: 'access.user',
      entityId: String(userId),
      unitCode: user.homeUnitCode,
      after: { assignment: created },
    });
    return { ...user, assignments: await activeAssignments(trx, userId) };
  });
}

export async function revokeRole(db: AccessDb, request: FastifyRequest, assignmentId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await findAssignment(trx, assignmentId);
    if (!before || before.revokedAt)
      throw notFound('access.assignment.not_found', 'No such role assignment.');
    if (before.userId === request.principal?.userId && before.roleCode === 'national_admin') {
      throw new AppError(
        400,
        'access.assignment.cannot_revoke_own_admin',
        'You cannot withdraw your own administrator role.',
      );
    }
    await trx
      .updateTable('access_assignment')
      .set({ revoked_at: sql`now()`, revoked_by: request.principal?.userId ?? null })
      .where('id', '=', assignmentId)
      .execute();
    await writeAudit(trx, {
      ...auditActor(request),
      action: 'access.assignment.revoke',
      entityType: 'access.user',
      entityId: String(before.userId),
      unitCode: (await findUserById(trx, before.userId))?.homeUnitCode ?? null,
      before: { assignment: before },
    });
  });
}

export { loginOf };
