/**
 * Demo accounts, one per built-in role, in Kep province (the province the gazetteer's demo
 * data holds down to its villages). They are examples, not real people: marked `is_example`,
 * and all share one password printed at first start and listed in the README.
 */
import { writeAudit } from '../../platform/audit/audit.ts';
import type { SeedContext, SeedResult } from '../../platform/module.ts';
import type { AccessDb } from './access.queries.ts';
import { hashPassword } from './passwords.ts';

export const DEMO_PASSWORD = 'sndd-demo-2026';

export const DEMO_ACCOUNTS = [
  { login: 'admin@sndd.example', name: 'Example national administrator', role: 'national_admin', unit: null },
  { login: 'officer@sndd.example', name: 'Example national officer', role: 'national_officer', unit: null },
  { login: 'auditor@sndd.example', name: 'Example national auditor', role: 'auditor', unit: null },
  {
    login: 'kep.province@sndd.example',
    name: 'Example Kep provincial officer',
    role: 'provincial_officer',
    unit: '23',
  },
  {
    login: 'kep.district@sndd.example',
    name: 'Example Kep municipality officer',
    role: 'district_officer',
    unit: '2302',
  },
  {
    login: 'kep.clerk@sndd.example',
    name: 'Example Kep sangkat clerk',
    role: 'commune_clerk',
    unit: '230201',
  },
  {
    login: 'kep.council@sndd.example',
    name: 'Example Kep sangkat councillor',
    role: 'council_member',
    unit: '230201',
  },
  { login: '+85512345678', name: 'Example citizen', role: 'citizen', unit: null },
] as const;

export async function seedAccessDemo({ db }: SeedContext): Promise<SeedResult> {
  const access = db as AccessDb;
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));
  for (const [index, account] of DEMO_ACCOUNTS.entries()) {
    const isPhone = account.login.startsWith('+');
    const user = await access
      .insertInto('access_user')
      .values({
        email: isPhone ? null : account.login,
        phone: isPhone ? account.login : null,
        display_name: account.name,
        home_unit_code: account.unit,
        password_hash: hashes[index] ?? '',
        is_example: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const assignment = await access
      .insertInto('access_assignment')
      .values({ user_id: user.id, role_code: account.role, unit_code: account.unit })
      .returning(['id', 'role_code as roleCode', 'unit_code as unitCode'])
      .executeTakeFirstOrThrow();
    // Demo data is a change like any other: it goes in the audit trail, made by no one.
    const common = {
      actorUserId: null,
      actorLogin: 'demo-seed',
      assignmentId: null,
      entityType: 'access.user',
      entityId: String(user.id),
      unitCode: account.unit,
    };
    await writeAudit(db, {
      ...common,
      action: 'access.user.create',
      after: { displayName: account.name, login: account.login, isExample: true },
    });
    await writeAudit(db, { ...common, action: 'access.assignment.grant', after: { assignment } });
  }
  const width = Math.max(...DEMO_ACCOUNTS.map((account) => account.login.length));
  return {
    announcements: [
      `  demo accounts (examples, password "${DEMO_PASSWORD}" for all):`,
      ...DEMO_ACCOUNTS.map(
        (account) =>
          `    ${account.login.padEnd(width)}  ${account.role}${account.unit ? ` at ${account.unit}` : ' (national)'}`,
      ),
    ],
  };
}
