import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEmptyTestDb, type TestDb } from '../../test-support/test-db.ts';
import { allMigrations } from '../../modules.ts';
import {
  collectMigrations,
  migrate,
  MigrationError,
  pendingMigrations,
  type Migration,
} from './migrations.ts';

let db: TestDb;
beforeEach(async () => {
  db = await openEmptyTestDb();
});
afterEach(async () => db.close());

const k = () => db.kysely as never;

function migration(id: string, text: string): Migration {
  return { id, fileName: id.split('/')[1] ?? id, sql: text, checksum: `sum-${text}` };
}

async function tableExists(name: string): Promise<boolean> {
  const result = await sql<{ present: boolean }>`select to_regclass(${name}) is not null as present`.execute(
    db.kysely,
  );
  return result.rows[0]?.present ?? false;
}

describe('collectMigrations', () => {
  it('orders files by timestamp across modules and rejects badly named files', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sndd-migrations-'));
    const a = path.join(root, 'a');
    const b = path.join(root, 'b');
    fs.mkdirSync(a);
    fs.mkdirSync(b);
    fs.writeFileSync(path.join(a, '20260102000000_second.sql'), 'select 2;');
    fs.writeFileSync(path.join(b, '20260101000000_first.sql'), 'select 1;');
    fs.writeFileSync(path.join(a, 'notes.txt'), 'ignored');
    expect(
      collectMigrations([
        { module: 'a', directory: a },
        { module: 'b', directory: b },
      ]).map((m) => m.id),
    ).toEqual(['b/20260101000000_first.sql', 'a/20260102000000_second.sql']);
    fs.writeFileSync(path.join(b, 'bad-name.sql'), 'select 3;');
    expect(() => collectMigrations([{ module: 'b', directory: b }])).toThrow(MigrationError);
  });

  it('finds the platform and module migrations of the real tree', () => {
    const ids = allMigrations().map((m) => m.id);
    expect(ids[0]).toBe('platform/20261126000000_platform_seed.sql');
    expect(ids).toContain('gazetteer/20261126010000_units.sql');
  });
});

describe('migrate', () => {
  it('applies every migration once, in order, and nothing the second time', async () => {
    const all = allMigrations();
    expect(await pendingMigrations(k(), all)).toHaveLength(all.length);
    expect(await migrate(k(), all)).toEqual(all.map((m) => m.id));
    expect(await migrate(k(), all)).toEqual([]);
    expect(await pendingMigrations(k(), all)).toEqual([]);
    expect(await tableExists('gazetteer_unit')).toBe(true);
  });

  it('leaves nothing behind when a migration fails half-way', async () => {
    const steps = [
      migration('t/20260101000000_ok.sql', 'create table t_ok (id int);'),
      migration(
        't/20260102000000_broken.sql',
        'create table t_half (id int); insert into t_missing values (1);',
      ),
    ];
    await expect(migrate(k(), steps)).rejects.toThrow(/t\/20260102000000_broken.sql failed/);
    expect(await tableExists('t_ok')).toBe(true);
    expect(await tableExists('t_half')).toBe(false);
    expect(await pendingMigrations(k(), steps)).toEqual(['t/20260102000000_broken.sql']);
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    await migrate(k(), [migration('t/20260101000000_one.sql', 'create table t_one (id int);')]);
    const edited = { ...migration('t/20260101000000_one.sql', 'create table t_one (id bigint);') };
    await expect(migrate(k(), [edited])).rejects.toThrow(/changed after it was applied/);
  });
});
