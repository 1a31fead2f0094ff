/**
 * The real NCDD workbook and pumi CSVs, read in place from ../shared/data (never copied).
 * One database for the whole file: the workbook is imported once (the slow step), then the
 * other tests build on it in order.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../config.ts';
import { openTestDb, type TestDb } from '../../../test-support/test-db.ts';
import { CLI_ACTOR } from './apply.ts';
import type { UnitChange } from './change-set.ts';
import { readImportFiles, type ImportFile } from './read-files.ts';
import { runImport } from './run-import.ts';

const DATA = path.resolve(repoRoot, '../shared/data');
const file = (relative: string): ImportFile => ({
  name: path.basename(relative),
  data: fs.readFileSync(path.join(DATA, relative)),
});
const WORKBOOK = () => [file('gazetteer-ncdd-2024/ncdd_gazetteer_2024-10-14.xlsx')];
const PUMI = () =>
  ['provinces', 'districts', 'communes', 'villages'].map((name) => file(`gazetteer-pumi/${name}.csv`));
const actor = CLI_ACTOR('test');

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb({ demoData: false });
});
afterAll(async () => {
  await db?.close();
});

async function count(table: string): Promise<number> {
  const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
    db.kysely,
  );
  return result.rows[0]?.n ?? -1;
}

const codesOf = (changes: UnitChange[], kind: UnitChange['kind']) =>
  changes.filter((change) => change.kind === kind).map((change) => change.code);

describe('the real files', () => {
  it('reads the pumi CSVs as 25 / 210 / 1,652 / 14,578 units, each code under its parent', async () => {
    const read = await readImportFiles(PUMI());
    expect(read.formats).toEqual(['pumi', 'pumi', 'pumi', 'pumi']);
    const outcome = await runImport(db.kysely, {
      files: PUMI(),
      dryRun: true,
      effectiveDate: null,
      applyValid: false,
      actor,
    });
    expect(outcome.changeSet.problems).toEqual([]);
    expect(outcome.changeSet.unitsRead).toEqual({ 1: 25, 2: 210, 3: 1652, 4: 14578 });
    for (const row of read.rows) expect(row.code.startsWith(row.parentCode ?? '')).toBe(true);
  });

  it('reads the NCDD flat CSV like the workbook', async () => {
    const read = await readImportFiles([file('gazetteer-ncdd-2024/ncdd_gazetteer_2024-10-14_flat.csv')]);
    expect(read.formats).toEqual(['ncdd-flat']);
    expect(read.problems).toEqual([]);
    expect(read.rows).toHaveLength(25 + 16432);
  });

  it('imports the workbook into an empty tree: 25 / 210 / 1,652 / 14,570 units', async () => {
    const stages = new Set<string>();
    const outcome = await runImport(db.kysely, {
      files: WORKBOOK(),
      dryRun: false,
      effectiveDate: null,
      applyValid: false,
      actor,
      onProgress: (stage) => stages.add(stage),
    });
    expect(outcome.formats).toEqual(['ncdd-workbook']);
    expect(outcome.changeSet.problems).toEqual([]);
    expect(outcome.changeSet.unitsRead).toEqual({ 1: 25, 2: 210, 3: 1652, 4: 14570 });
    expect(outcome.changeSet.counts).toEqual({ added: 16457, renamed: 0, moved: 0, retyped: 0, removed: 0 });
    expect(outcome.importId).not.toBeNull();
    expect([...stages]).toEqual(['read', 'compare', 'write', 'index', 'commit']);

    const levels = await sql<{ level: number; n: number }>`
      select level, count(*)::int as n from gazetteer_unit where valid_to is null group by level order by level`.execute(
      db.kysely,
    );
    expect(levels.rows).toEqual([
      { level: 1, n: 25 },
      { level: 2, n: 210 },
      { level: 3, n: 1652 },
      { level: 4, n: 14570 },
    ]);
    const orphans = await sql<{ n: number }>`
      select count(*)::int as n from gazetteer_unit u
      left join gazetteer_unit p on p.code = u.parent_code
      where u.parent_code is not null and (p.code is null or left(u.code, length(p.code)) <> p.code)`.execute(
      db.kysely,
    );
    expect(orphans.rows[0]?.n).toBe(0);
    // Every unit paired with itself and each ancestor: 25 + 210·2 + 1,652·3 + 14,570·4.
    expect(await count('gazetteer_unit_closure')).toBe(25 + 210 * 2 + 1652 * 3 + 14570 * 4);
    expect(await count('gazetteer_unit_version')).toBe(16457);
    expect(await count('gazetteer_unit_event')).toBe(16457);
    const sample = await db.kysely
      .selectFrom('gazetteer_unit')
      .select(['name_latin', 'type_code', 'is_urban', 'legal_reference'])
      .where('code', 'in', ['070509', '23020101', '0102'])
      .orderBy('code')
      .execute();
    expect(sample).toEqual([
      {
        name_latin: 'Mongkol Borei',
        type_code: 'district',
        is_urban: false,
        legal_reference: 'ប្រកាសលេខ ៤៩៣ប្រ.ក',
      },
      {
        name_latin: 'Angk Romeas',
        type_code: 'commune',
        is_urban: false,
        legal_reference: expect.any(String),
      },
      { name_latin: 'Kaeb', type_code: 'village', is_urban: true, legal_reference: expect.any(String) },
    ]);
    const audit = await sql<{ action: string; entity_id: string }>`
      select action, entity_id from audit_record where entity_type = 'gazetteer.import'`.execute(db.kysely);
    expect(audit.rows).toEqual([{ action: 'gazetteer.import.apply', entity_id: String(outcome.importId) }]);
  }, 120_000);

  it('changes nothing when the same workbook is imported again', async () => {
    const before = await Promise.all(
      ['gazetteer_import', 'gazetteer_unit_event', 'gazetteer_unit_version', 'audit_record'].map(count),
    );
    const outcome = await runImport(db.kysely, {
      files: WORKBOOK(),
      dryRun: false,
      effectiveDate: null,
      applyValid: false,
      actor,
    });
    expect(outcome.changeSet.changes).toEqual([]);
    expect(outcome.importId).toBeNull();
    const after = await Promise.all(
      ['gazetteer_import', 'gazetteer_unit_event', 'gazetteer_unit_version', 'audit_record'].map(count),
    );
    expect(after).toEqual(before);
  }, 60_000);

  it('shows exactly the differences the READMEs describe when pumi follows the workbook', async () => {
    const { changeSet } = await runImport(db.kysely, {
      files: PUMI(),
      dryRun: true,
      effectiveDate: null,
      applyValid: false,
      actor,
    });
    expect(changeSet.problems).toEqual([]);
    // 8 villages created after October 2024, all in Banteay Meanchey.
    expect(codesOf(changeSet.changes, 'added')).toEqual([
      '01070116',
      '01070117',
      '01080413',
      '01080414',
      '01090513',
      '01090514',
      '01090515',
      '01090516',
    ]);
    // 5 communes of 0509 Odongk Maechay: ឃុំ in NCDD 2024, សង្កាត់ in pumi; their 91 villages follow.
    expect(changeSet.changes.filter((change) => change.kind === 'retyped')).toEqual(
      ['050901', '050902', '050903', '050904', '050905'].map((code): unknown =>
        expect.objectContaining({
          code,
          before: { typeCode: 'commune', isUrban: false },
          after: { typeCode: 'sangkat', isUrban: true },
        }),
      ),
    );
    expect(changeSet.urbanFollowers).toHaveLength(91);
    expect(changeSet.urbanFollowers.every((item) => item.code.startsWith('0509') && item.isUrban)).toBe(true);
    const renamed = changeSet.changes.filter((change) => change.kind === 'renamed');
    const names = Object.fromEntries(renamed.map((change) => [change.code, change.after]));
    // The one Khmer commune name.
    expect(names['031310']).toEqual({ nameKm: 'សូរសែន្យ', nameLatin: 'Sour Saen' });
    // pumi's popular Latin spellings: README's list of 17 less 070509 (a double space) and
    // 081202 (a zero-width space), which normalised are no difference at all.
    const latin = {
      '0102': 'Mongkol Borey',
      '0110': 'Poipet',
      '011002': 'Poipet',
      '0504': 'Aural',
      '0609': 'Tang Kouk',
      '1208': 'Sen Sok',
      '080122': 'Siem Reap',
      '08012201': 'Siem Reap',
      '171009': 'Siem Reap',
      '2302': 'Kep',
      '230201': 'Kep',
      '23020101': 'Kep',
      '020307': 'Ou Mal',
      '08081411': 'Mongkol Borey',
      '10050607': 'Muoy Roy Buon',
    };
    for (const [code, nameLatin] of Object.entries(latin)) expect(names[code]?.nameLatin).toBe(nameLatin);
    expect(renamed.map((change) => change.code).sort()).toEqual(['031310', ...Object.keys(latin)].sort());
    // Spelling variants, not renames, and left as the tree has them: the provinces the
    // workbook implied from the official list, which pumi spells with subscript ត for ដ (08,
    // 22: README's "province 08 កណ្តាល here vs កណ្ដាល in NCDD") or in popular romanisations,
    // and one capitalisation the README does not list.
    expect(changeSet.spellingVariants).toEqual([
      { code: '08', tree: 'កណ្ដាល', file: 'កណ្តាល' },
      { code: '10', tree: 'Kratie', file: 'Kratié' },
      { code: '11', tree: 'Mondul Kiri', file: 'Mondulkiri' },
      { code: '16', tree: 'Ratanak Kiri', file: 'Ratanakiri' },
      { code: '21', tree: 'Takeo', file: 'Takéo' },
      { code: '22', tree: 'ឧត្ដរមានជ័យ', file: 'ឧត្តរមានជ័យ' },
      { code: '020308', tree: 'wat Kor', file: 'Wat Kor' },
    ]);
    expect(changeSet.counts).toEqual({ added: 8, renamed: 16, moved: 0, retyped: 5, removed: 0 });
  }, 60_000);

  it('applies pumi with dated events and versions, then finds nothing more to do', async () => {
    const outcome = await runImport(db.kysely, {
      files: PUMI(),
      dryRun: false,
      effectiveDate: '2025-06-01',
      applyValid: false,
      actor,
    });
    expect(outcome.importId).not.toBeNull();
    const events = await db.kysely
      .selectFrom('gazetteer_unit_event' as never)
      .select(['kind', 'effective_date', 'before', 'after'] as never[])
      .where('unit_code' as never, '=', '050901' as never)
      .orderBy('id' as never)
      .execute();
    expect(events).toEqual([
      expect.objectContaining({ kind: 'created', effective_date: null }),
      expect.objectContaining({
        kind: 'retyped',
        effective_date: '2025-06-01',
        before: { typeCode: 'commune', isUrban: false },
        after: { typeCode: 'sangkat', isUrban: true },
      }),
    ]);
    const versions = await sql<{
      code: string;
      type_code: string;
      is_urban: boolean;
      valid_from: string | null;
      valid_to: string | null;
    }>`
      select code, type_code, is_urban, valid_from, valid_to from gazetteer_unit_version
      where code in ('050901', '05090101') order by code, id`.execute(db.kysely);
    expect(versions.rows).toEqual([
      { code: '050901', type_code: 'commune', is_urban: false, valid_from: null, valid_to: '2025-06-01' },
      { code: '050901', type_code: 'sangkat', is_urban: true, valid_from: '2025-06-01', valid_to: null },
      { code: '05090101', type_code: 'village', is_urban: false, valid_from: null, valid_to: '2025-06-01' },
      { code: '05090101', type_code: 'village', is_urban: true, valid_from: '2025-06-01', valid_to: null },
    ]);
    const again = await runImport(db.kysely, {
      files: PUMI(),
      dryRun: true,
      effectiveDate: null,
      applyValid: false,
      actor,
    });
    expect(again.changeSet.changes).toEqual([]);
    expect(again.changeSet.urbanFollowers).toEqual([]);
    // And the workbook after pumi: its implied provinces do not rename pumi's back.
    const back = await runImport(db.kysely, {
      files: WORKBOOK(),
      dryRun: true,
      effectiveDate: null,
      applyValid: false,
      actor,
    });
    expect(back.changeSet.counts).toEqual({ added: 0, renamed: 16, moved: 0, retyped: 5, removed: 8 });
  }, 60_000);
});
