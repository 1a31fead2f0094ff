/** The SQL of one-time phone codes (phone-codes.ts) and of citizens' own accounts. */
import { sql } from 'kysely';
import type { AccessDb } from './access.queries.ts';
import type { CodePurpose } from './phone-codes.ts';

export async function insertPhoneCode(
  db: AccessDb,
  row: {
    purpose: CodePurpose;
    phone: string;
    userId: number | null;
    codeHash: string;
    salt: string;
    ttlMinutes: number;
    ip: string | null;
  },
): Promise<number> {
  const inserted = await db
    .insertInto('access_phone_code')
    .values({
      purpose: row.purpose,
      phone: row.phone,
      user_id: row.userId,
      code_hash: row.codeHash,
      salt: row.salt,
      expires_at: sql<Date>`now() + make_interval(mins => ${row.ttlMinutes})`,
      ip: row.ip,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/**
 * Counts one try of the latest code of a phone for a purpose (locking it, so parallel tries
 * are counted one after the other) and returns it with the count after this try.
 */
export async function countTryOfLatestCode(db: AccessDb, purpose: CodePurpose, phone: string) {
  const latest = await db
    .selectFrom('access_phone_code')
    .select('id')
    .where('purpose', '=', purpose)
    .where('phone', '=', phone)
    .orderBy('id', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
  if (!latest) return undefined;
  return db
    .updateTable('access_phone_code')
    .set({ attempts: sql<number>`attempts + 1` })
    .where('id', '=', latest.id)
    .returning([
      'id',
      'user_id as userId',
      'code_hash as codeHash',
      'salt',
      'attempts',
      'used_at as usedAt',
      sql<boolean>`expires_at <= now()`.as('expired'),
    ])
    .executeTakeFirstOrThrow();
}

/** Marks the code used; false when another request used it first. */
export async function markCodeUsed(db: AccessDb, id: number): Promise<boolean> {
  const result = await db
    .updateTable('access_phone_code')
    .set({ used_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The account of a phone number, deleted ones aside (they have none). */
export function findAccountByPhone(db: AccessDb, phone: string) {
  return db
    .selectFrom('access_user')
    .select(['id', 'is_active as isActive'])
    .where('phone', '=', phone)
    .executeTakeFirst();
}

export async function phoneOfAccount(db: AccessDb, userId: number): Promise<string | null> {
  const row = await db.selectFrom('access_user').select('phone').where('id', '=', userId).executeTakeFirst();
  return row?.phone ?? null;
}

/** The role codes of a user's live assignments. */
export async function liveRoleCodes(db: AccessDb, userId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('access_assignment')
    .select('role_code')
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
  return rows.map((row) => row.role_code);
}

/** Clears a deleted account's personal fields; it can no longer sign in. */
export async function clearAccount(db: AccessDb, userId: number, passwordHash: string): Promise<void> {
  await db
    .updateTable('access_user')
    .set({
      email: null,
      phone: null,
      display_name: '',
      home_unit_code: null,
      password_hash: passwordHash,
      is_active: false,
      must_change_password: false,
      deleted_at: sql<Date>`now()`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', userId)
    .execute();
}

/** Withdraws every live assignment of a user (by the user). */
export async function revokeAllAssignments(db: AccessDb, userId: number): Promise<void> {
  await db
    .updateTable('access_assignment')
    .set({ revoked_at: sql<Date>`now()`, revoked_by: userId })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** The account's national identities: links to a person, gone with the account. */
export async function deleteOidcIdentities(db: AccessDb, userId: number): Promise<void> {
  await db.deleteFrom('access_oidc_identity').where('user_id', '=', userId).execute();
}

/** The codes of a phone number (their hashes identify nothing once the number is gone). */
export async function deletePhoneCodes(db: AccessDb, phone: string): Promise<void> {
  await db.deleteFrom('access_phone_code').where('phone', '=', phone).execute();
}

/** Codes expired more than a day ago (the nightly purge). */
export async function purgeOldPhoneCodes(db: AccessDb): Promise<number> {
  const result = await db
    .deleteFrom('access_phone_code')
    .where('expires_at', '<', sql<Date>`now() - interval '1 day'`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
