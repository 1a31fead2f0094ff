/**
 * `npm run admin:create` as a real child process on a fresh PGlite folder without demo data:
 * the password comes from standard input (never an argument), the account is a national
 * administrator whose password is the one typed, a second run with the same login is refused, and a weak
 * password creates nothing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../config.ts';
import { verifyPassword } from '../modules/access/index.ts';
import { createDb } from '../platform/db/create-db.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sndd-admin-create-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function adminCreate(args: string[], stdin: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'api/src/cli/admin-create.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    input: stdin,
    // PGlite in a folder of its own, whatever database the test run uses.
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, DEMO_DATA: 'false' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function accounts() {
  const db = await createDb<unknown>({ databaseUrl: undefined, dataDir });
  try {
    const { rows } = await sql<{
      email: string;
      role_code: string;
      unit_code: string | null;
      password_hash: string;
      must_change_password: boolean;
    }>`
      select u.email, a.role_code, a.unit_code, u.password_hash, u.must_change_password
        from access_user u join access_assignment a on a.user_id = u.id
       order by u.id`.execute(db.kysely);
    return rows;
  } finally {
    await db.close();
  }
}

describe('npm run admin:create', () => {
  it('creates a national administrator from a password on standard input', async () => {
    const run = adminCreate(
      ['--login', 'Admin@Example.org', '--name', 'ប្រធានប្រព័ន្ធ'],
      'a long Khmer-first passphrase\n',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Created national administrator admin@example\.org/);
    const [account, ...others] = await accounts();
    expect(others).toEqual([]);
    expect(account).toMatchObject({
      email: 'admin@example.org',
      role_code: 'national_admin',
      unit_code: null,
      must_change_password: false,
    });
    // The password typed is the one that signs in.
    expect(await verifyPassword(account!.password_hash, 'a long Khmer-first passphrase')).toBe(true);
  }, 120_000);

  it('refuses a login that exists, and a weak password, creating nothing', async () => {
    const again = adminCreate(['--login', 'admin@example.org'], 'another long passphrase\n');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('access.user.login_taken');
    const weak = adminCreate(['--login', 'second@example.org'], 'short\n');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('access.password.too_short');
    expect(await accounts()).toHaveLength(1);
  }, 120_000);

  it('takes no password from the command line, and explains its use', () => {
    const run = adminCreate(['--login', 'x@example.org', '--password', 'secret-in-history'], '');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Unknown option');
    expect(adminCreate(['--help'], '').stdout).toContain('--login');
  });
});
