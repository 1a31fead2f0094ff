/**
 * Demo accounts, one per built-in role, in Kep province, and officers of the other places the
 * demo covers: khan Chamkar Mon of Phnom Penh and one of its sangkats, and Chey Saen, a rural
 * district of Preah Vihear. They are examples, not real people: marked `is_example`, and all
 * share one password printed at first start and listed in the README. When the tree lacks a
 * unit they sit at (an import of another edition, a partial tree), the seed skips itself.
 */
import { cliActor } from '../../platform/actor.ts';
import { skipSeed } from '../../platform/db/seeds.ts';
import type { SeedResult } from '../../platform/module.ts';
import type { AccessContext } from './access.context.ts';
import { insertAssignment, insertUser } from './access.queries.ts';
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
  {
    login: 'chamkarmon.khan@sndd.example',
    name: 'មន្ត្រីខណ្ឌចំការមន (គំរូ) / Example Chamkar Mon khan officer',
    role: 'district_officer',
    unit: '1201',
  },
  {
    login: 'tonlebasak.clerk@sndd.example',
    name: 'ស្មៀនសង្កាត់ទន្លេបាសាក់ (គំរូ) / Example Tonle Basak sangkat clerk',
    role: 'commune_clerk',
    unit: '120101',
  },
  {
    login: 'preahvihear.province@sndd.example',
    name: 'មន្ត្រីខេត្តព្រះវិហារ (គំរូ) / Example Preah Vihear provincial officer',
    role: 'provincial_officer',
    unit: '13',
  },
  {
    login: 'sang.clerk@sndd.example',
    name: 'ស្មៀនឃុំស្អាង (គំរូ) / Example S’ang commune clerk',
    role: 'commune_clerk',
    unit: '130101',
  },
  { login: '+85512345678', name: 'Example citizen', role: 'citizen', unit: null },
] as const;

export async function seedAccessDemo(ctx: AccessContext): Promise<SeedResult> {
  // Demo data is a change like any other: it goes in the audit trail, made by no one.
  const actor = cliActor('demo-seed');
  const places = [...new Set(DEMO_ACCOUNTS.flatMap((account) => (account.unit ? [account.unit] : [])))];
  const present = await ctx.ports.gazetteer.unitNames(ctx.db, places);
  const missing = places.filter((code) => !present.has(code));
  if (missing.length > 0) skipSeed(`the tree lacks unit(s) ${missing.join(', ')} that demo accounts sit at`);
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));
  for (const [index, account] of DEMO_ACCOUNTS.entries()) {
    const isPhone = account.login.startsWith('+');
    const userId = await insertUser(ctx.db, {
      email: isPhone ? null : account.login,
      phone: isPhone ? account.login : null,
      displayName: account.name,
      homeUnitCode: account.unit,
      passwordHash: hashes[index] ?? '',
      isExample: true,
    });
    const created = await insertAssignment(ctx.db, {
      userId,
      roleCode: account.role,
      unitCode: account.unit,
      createdBy: null,
    });
    const assignment = { id: created.id, roleCode: created.roleCode, unitCode: created.unitCode };
    const common = { entityType: 'access.user', entityId: String(userId), unitCode: account.unit };
    await ctx.audit.write(ctx.db, actor, {
      ...common,
      action: 'access.user.create',
      after: { displayName: account.name, login: account.login, isExample: true },
    });
    await ctx.audit.write(ctx.db, actor, {
      ...common,
      action: 'access.assignment.grant',
      after: { assignment },
    });
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
