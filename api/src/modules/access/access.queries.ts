/** Kysely functions over the access tables: (db, args) -> rows, no rules. */
import { sql, type Kysely } from 'kysely';
import type { AccessTables } from './access.tables.ts';

export type AccessDb = Kysely<AccessTables>;

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
