/**
 * Kysely functions over the access tables (accounts, roles, permissions, assignments):
 * (db, args) -> rows, no rules. Sessions, API tokens and the sign-in throttle have their own
 * queries files.
 */
import { sql, type Expression, type Kysely } from 'kysely';
import type { AccessTables } from './access.tables.ts';

export type AccessDb = Kysely<AccessTables>;

/** A subquery of unit codes (the gazetteer's `subtreeCodesQuery`), for `home_unit_code in (…)`. */
export type UnitCodesQuery = Expression<unknown>;

export const USER_COLUMNS = [
  'access_user.id',
  'access_user.email',
  'access_user.phone',
  'access_user.display_name as displayName',
  'access_user.home_unit_code as homeUnitCode',
  'access_user.is_active as isActive',
  'access_user.must_change_password as mustChangePassword',
  'access_user.is_example as isExample',
  'access_user.created_at as createdAt',
  'access_user.updated_at as updatedAt',
] as const;

export function findUserById(db: AccessDb, id: number) {
  return db.selectFrom('access_user').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function findUserForSignIn(db: AccessDb, kind: 'email' | 'phone', value: string) {
  return db
    .selectFrom('access_user')
    .select(['id', 'password_hash as passwordHash', 'is_active as isActive'])
    .where(kind, '=', value)
    .executeTakeFirst();
}

export function findPasswordHash(db: AccessDb, userId: number) {
  return db
    .selectFrom('access_user')
    .select('password_hash as passwordHash')
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** Active assignments of a user with the permissions their roles bring. */
export async function activeAssignments(db: AccessDb, userId: number) {
  const rows = await db
    .selectFrom('access_assignment as a')
    .innerJoin('access_role as r', 'r.code', 'a.role_code')
    .leftJoin('access_role_permission as rp', 'rp.role_code', 'a.role_code')
    .select([
      'a.id',
      'a.role_code as roleCode',
      'a.unit_code as unitCode',
      'r.name_km as roleNameKm',
      'r.name_en as roleNameEn',
      sql<
        string[]
      >`coalesce(array_agg(rp.permission_code) filter (where rp.permission_code is not null), '{}')`.as(
        'permissions',
      ),
    ])
    .where('a.user_id', '=', userId)
    .where('a.revoked_at', 'is', null)
    .groupBy(['a.id', 'a.role_code', 'a.unit_code', 'r.name_km', 'r.name_en'])
    .orderBy('a.id')
    .execute();
  return rows;
}

export function findAssignment(db: AccessDb, id: number) {
  return db
    .selectFrom('access_assignment')
    .select([
      'id',
      'user_id as userId',
      'role_code as roleCode',
      'unit_code as unitCode',
      'revoked_at as revokedAt',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findRole(db: AccessDb, code: string) {
  return db.selectFrom('access_role').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function rolePermissions(db: AccessDb, code: string): Promise<string[]> {
  const rows = await db
    .selectFrom('access_role_permission')
    .select('permission_code')
    .where('role_code', '=', code)
    .execute();
  return rows.map((row) => row.permission_code);
}

export async function listRolesWithPermissions(db: AccessDb) {
  return db
    .selectFrom('access_role as r')
    .leftJoin('access_role_permission as rp', 'rp.role_code', 'r.code')
    .select([
      'r.code',
      'r.name_km as nameKm',
      'r.name_en as nameEn',
      'r.description_en as descriptionEn',
      'r.assignable_at as assignableAt',
      'r.is_builtin as isBuiltin',
      sql<
        string[]
      >`coalesce(array_agg(rp.permission_code order by rp.permission_code) filter (where rp.permission_code is not null), '{}')`.as(
        'permissions',
      ),
    ])
    .groupBy(['r.code', 'r.name_km', 'r.name_en', 'r.description_en', 'r.assignable_at', 'r.is_builtin'])
    .orderBy('r.code')
    .execute();
}

// ---------------------------------------------------------------------------- reference data

/** Every permission as stored (the start-up sync compares them with the manifests'). */
export async function selectPermissions(db: AccessDb) {
  return db
    .selectFrom('access_permission')
    .select(['code', 'description_en as descriptionEn', 'description_km as descriptionKm'])
    .execute();
}

export async function upsertPermissions(
  db: AccessDb,
  permissions: readonly { code: string; module: string; descriptionEn: string; descriptionKm: string }[],
): Promise<void> {
  if (permissions.length === 0) return;
  await db
    .insertInto('access_permission')
    .values(
      permissions.map((permission) => ({
        code: permission.code,
        module: permission.module,
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

export async function upsertBuiltInRole(
  db: AccessDb,
  role: { code: string; nameKm: string; nameEn: string; descriptionEn: string; assignableAt: string },
): Promise<void> {
  await db
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
}

/** The role's permissions become exactly `codes`. */
export async function replaceRolePermissions(
  db: AccessDb,
  roleCode: string,
  codes: readonly string[],
): Promise<void> {
  await db.deleteFrom('access_role_permission').where('role_code', '=', roleCode).execute();
  if (codes.length === 0) return;
  await db
    .insertInto('access_role_permission')
    .values(codes.map((code) => ({ role_code: roleCode, permission_code: code })))
    .execute();
}

// ---------------------------------------------------------------------------- accounts

/**
 * Accounts, for a page: `inUnits` are subqueries of unit codes the home unit must be in (all of
 * them); `q` a text searched in the name, e-mail and phone.
 */
export function selectUsers(
  db: AccessDb,
  filters: { inUnits: readonly UnitCodesQuery[]; active?: boolean | undefined; q?: string | undefined },
) {
  let select = db.selectFrom('access_user').select(USER_COLUMNS);
  for (const units of filters.inUnits) select = select.where('home_unit_code', 'in', units as never);
  if (filters.active !== undefined) select = select.where('is_active', '=', filters.active);
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    select = select.where((eb) =>
      eb.or([
        eb('display_name', 'ilike', pattern),
        eb('email', 'ilike', pattern),
        eb('phone', 'ilike', pattern),
      ]),
    );
  }
  return select;
}

/** Another account (not `exceptId`) with this e-mail address or phone number. */
export function findUserWithLogins(
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
  return query.executeTakeFirst();
}

export async function insertUser(
  db: AccessDb,
  user: {
    email: string | null;
    phone: string | null;
    displayName: string;
    homeUnitCode: string | null;
    passwordHash: string;
    mustChangePassword?: boolean;
    isExample?: boolean;
  },
): Promise<number> {
  const row = await db
    .insertInto('access_user')
    .values({
      email: user.email,
      phone: user.phone,
      display_name: user.displayName,
      home_unit_code: user.homeUnitCode,
      password_hash: user.passwordHash,
      ...(user.mustChangePassword !== undefined ? { must_change_password: user.mustChangePassword } : {}),
      ...(user.isExample !== undefined ? { is_example: user.isExample } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUserFields(
  db: AccessDb,
  userId: number,
  fields: { displayName?: string; isActive?: boolean; homeUnitCode?: string | null },
): Promise<void> {
  await db
    .updateTable('access_user')
    .set({
      ...(fields.displayName !== undefined ? { display_name: fields.displayName } : {}),
      ...(fields.isActive !== undefined ? { is_active: fields.isActive } : {}),
      ...(fields.homeUnitCode !== undefined ? { home_unit_code: fields.homeUnitCode } : {}),
      updated_at: sql`now()`,
    })
    .where('id', '=', userId)
    .execute();
}

/** A new password hash; `mustChange`: the person must change it at next sign-in. */
export async function updatePassword(
  db: AccessDb,
  userId: number,
  passwordHash: string,
  mustChange: boolean,
): Promise<void> {
  await db
    .updateTable('access_user')
    .set({
      password_hash: passwordHash,
      must_change_password: mustChange,
      password_changed_at: sql`now()`,
      updated_at: sql`now()`,
    })
    .where('id', '=', userId)
    .execute();
}

// ---------------------------------------------------------------------------- assignments

export function findLiveAssignment(db: AccessDb, userId: number, roleCode: string, unitCode: string | null) {
  return db
    .selectFrom('access_assignment')
    .select('id')
    .where('user_id', '=', userId)
    .where('role_code', '=', roleCode)
    .where((eb) => (unitCode === null ? eb('unit_code', 'is', null) : eb('unit_code', '=', unitCode)))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export function insertAssignment(
  db: AccessDb,
  assignment: { userId: number; roleCode: string; unitCode: string | null; createdBy: number | null },
) {
  return db
    .insertInto('access_assignment')
    .values({
      user_id: assignment.userId,
      role_code: assignment.roleCode,
      unit_code: assignment.unitCode,
      created_by: assignment.createdBy,
    })
    .returning(['id', 'user_id as userId', 'role_code as roleCode', 'unit_code as unitCode'])
    .executeTakeFirstOrThrow();
}

export async function markAssignmentRevoked(
  db: AccessDb,
  assignmentId: number,
  revokedBy: number | null,
): Promise<void> {
  await db
    .updateTable('access_assignment')
    .set({ revoked_at: sql`now()`, revoked_by: revokedBy })
    .where('id', '=', assignmentId)
    .execute();
}
