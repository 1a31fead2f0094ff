import { describe, expect, it } from 'vitest';
import type { ImportedUnit, ReadRow } from './change-set.ts';
import { diffUnits, isEmptyChangeSet, type TreeUnit } from './diff.ts';
import { normaliseName } from './normalise-name.ts';
import { UNIT_TYPES } from './unit-types.ts';
import { validateRows } from './validate.ts';

const TYPE_BY_LEVEL = ['', 'province', 'district', 'commune', 'village'];

function tree(code: string, fields: Partial<TreeUnit> = {}): TreeUnit {
  const typeCode = fields.typeCode ?? TYPE_BY_LEVEL[code.length / 2] ?? 'village';
  return {
    code,
    level: code.length / 2,
    parentCode: code.length > 2 ? code.slice(0, -2) : null,
    typeCode,
    nameKm: `ក${code}`,
    nameLatin: `Unit ${code}`,
    isUrban: UNIT_TYPES[typeCode]?.isUrban ?? false,
    validTo: null,
    ...fields,
  };
}

function row(code: string, fields: Partial<ReadRow> = {}): ReadRow {
  const typeCode = fields.typeCode ?? TYPE_BY_LEVEL[code.length / 2] ?? 'village';
  return {
    code,
    parentCode: code.length > 2 ? code.slice(0, -2) : null,
    typeCode,
    typeWord: typeCode,
    nameKm: `ក${code}`,
    nameLatin: `Unit ${code}`,
    legalReference: 'ប្រកាសលេខ ៤៩៣',
    officialNote: null,
    source: { file: 'test.csv', row: 2 },
    ...fields,
  };
}

/** Validates the rows against the tree and compares, as the import does. */
function diff(rows: ReadRow[], current: TreeUnit[]) {
  const validated = validateRows(
    rows,
    new Set(current.filter((unit) => !unit.validTo).map((unit) => unit.code)),
  );
  return diffUnits({ ...validated, tree: current });
}

const TREE = [
  tree('01'),
  tree('0102'),
  tree('010201'),
  tree('01020101'),
  tree('01020102'),
  tree('02'),
  tree('0201'),
];
const SAME = [row('01'), row('0102'), row('010201'), row('01020101'), row('01020102')];

describe('diffUnits', () => {
  it('finds nothing when the file says what the tree holds', () => {
    const changeSet = diff(SAME, TREE);
    expect(changeSet.changes).toEqual([]);
    expect(isEmptyChangeSet(changeSet)).toBe(true);
    expect(changeSet.unitsRead).toEqual({ 1: 1, 2: 1, 3: 1, 4: 2 });
  });

  it('adds the units the tree lacks, parents before children', () => {
    const changeSet = diff([...SAME, row('01020201'), row('010202')], TREE);
    expect(changeSet.changes.map((change) => [change.kind, change.code])).toEqual([
      ['added', '010202'],
      ['added', '01020201'],
    ]);
    expect(changeSet.counts).toEqual({ added: 2, renamed: 0, moved: 0, retyped: 0, removed: 0 });
  });

  it('renames on a Khmer or a Latin name, and not on spaces the normalisation removes', () => {
    const rows = SAME.map((item) =>
      item.code === '0102'
        ? { ...item, nameKm: 'ថ្មី' }
        : item.code === '010201'
          ? { ...item, nameLatin: 'New Latin' }
          : item,
    );
    const changeSet = diff(rows, [
      ...TREE.filter((unit) => unit.code !== '01020101'),
      tree('01020101', { nameLatin: ' Unit\u200b  01020101 ' }),
    ]);
    expect(changeSet.changes).toMatchObject([
      {
        kind: 'renamed',
        code: '0102',
        before: { nameKm: 'ក0102' },
        after: { nameKm: 'ថ្មី', nameLatin: 'Unit 0102' },
      },
      { kind: 'renamed', code: '010201', after: { nameLatin: 'New Latin' } },
    ]);
  });

  it('retypes a commune that became a sangkat, and its villages follow without a change of their own', () => {
    const rows = SAME.map((item) => (item.code === '010201' ? { ...item, typeCode: 'sangkat' } : item));
    const changeSet = diff(rows, TREE);
    expect(changeSet.changes).toEqual([
      expect.objectContaining({
        kind: 'retyped',
        code: '010201',
        before: { typeCode: 'commune', isUrban: false },
        after: { typeCode: 'sangkat', isUrban: true },
      }),
    ]);
    expect(changeSet.urbanFollowers).toEqual([
      { code: '01020101', isUrban: true },
      { code: '01020102', isUrban: true },
    ]);
    expect(isEmptyChangeSet(changeSet)).toBe(false);
  });

  it('keeps an urban flag set by hand while the type stays', () => {
    const changeSet = diff(SAME, [
      ...TREE.filter((unit) => unit.code !== '0102'),
      tree('0102', { isUrban: true }),
    ]);
    expect(changeSet.changes).toEqual([]);
  });

  it('sees a move when the parent changes', () => {
    const units: ImportedUnit[] = [
      {
        code: '010201',
        parentCode: '0103',
        level: 3,
        typeCode: 'commune',
        nameKm: 'ក010201',
        nameLatin: 'Unit 010201',
        isUrban: false,
        legalReference: null,
        officialNote: null,
        source: { file: 'f' },
      },
    ];
    const changeSet = diffUnits({
      units,
      presentCodes: new Set(['010201']),
      problems: [],
      skippedCodes: [],
      tree: TREE,
    });
    expect(changeSet.changes).toMatchObject([
      { kind: 'moved', code: '010201', before: { parentCode: '0102' }, after: { parentCode: '0103' } },
    ]);
  });

  it('removes what is absent only in the provinces and at the levels the file covers', () => {
    // Province 02 is not in the file; province 01's village 01020102 is absent: removed.
    const changeSet = diff(
      SAME.filter((item) => item.code !== '01020102'),
      TREE,
    );
    expect(changeSet.changes.map((change) => [change.kind, change.code])).toEqual([['removed', '01020102']]);
    expect(changeSet.coveredProvinces).toEqual(['01']);
    // A file of villages only removes no district or commune.
    const villagesOnly = diff([row('01020101')], TREE);
    expect(villagesOnly.changes.map((change) => [change.kind, change.code])).toEqual([
      ['removed', '01020102'],
    ]);
  });

  it('never removes a unit that still has units of the file below it', () => {
    const changeSet = diff([row('01'), row('010201'), row('01020101'), row('01020102')], TREE);
    expect(changeSet.changes.filter((change) => change.code === '0102')).toEqual([]);
  });

  it('takes an implied province only when the tree lacks it, and never compares it', () => {
    const implied = row('01', { implied: true, nameLatin: 'Other Latin' });
    expect(diff([implied, ...SAME.slice(1)], TREE).changes).toEqual([]);
    const changeSet = diff([implied, row('0102')], []);
    expect(changeSet.changes.map((change) => [change.kind, change.code])).toEqual([
      ['added', '01'],
      ['added', '0102'],
    ]);
    // The implied province covers nothing: no province of the tree is ever removed through it.
    expect(diff([implied], [tree('01'), tree('05')]).changes).toEqual([]);
  });

  it('reinstates a code that was abolished', () => {
    const changeSet = diff(SAME, [
      ...TREE.filter((unit) => unit.code !== '01020102'),
      tree('01020102', { validTo: '2020-01-01' }),
    ]);
    expect(changeSet.changes).toMatchObject([{ kind: 'added', code: '01020102', reinstated: true }]);
  });

  it('leaves out rows with problems and their descendants, and does not remove them', () => {
    const rows = SAME.map((item) => (item.code === '010201' ? { ...item, nameKm: '' } : item));
    const changeSet = diff([...rows, row('01020103')], TREE);
    expect(changeSet.problems.map((problem) => problem.code)).toEqual(['gazetteer.import.empty_name_km']);
    expect(changeSet.skippedCodes).toEqual(['010201', '01020101', '01020102', '01020103']);
    expect(changeSet.changes).toEqual([]);
  });

  it('derives the urban flag of a new village from its commune, in the file or in the tree', () => {
    const inTree = diff(
      [row('01020103')],
      [...TREE.filter((unit) => unit.code !== '010201'), tree('010201', { typeCode: 'sangkat' })],
    );
    expect(inTree.changes.filter((change) => change.kind === 'added')).toMatchObject([
      { kind: 'added', code: '01020103', after: { isUrban: true } },
    ]);
    const inFile = diff([row('010203', { typeCode: 'sangkat' }), row('01020301')], TREE);
    expect(inFile.changes.filter((change) => change.kind === 'added')).toMatchObject([
      { kind: 'added', code: '010203', after: { isUrban: true } },
      { kind: 'added', code: '01020301', after: { isUrban: true } },
    ]);
  });
});

describe('normaliseName', () => {
  it('composes, trims, collapses spaces and removes zero-width spaces, and nothing more', () => {
    expect(normaliseName('  Angk  Romeas ')).toBe('Angk Romeas');
    expect(normaliseName('ភូមិ\u200bថ្មី')).toBe('ភូមិថ្មី');
    expect(normaliseName('Kratie\u0301')).toBe('Kratié');
    // Subscript ta and da are different text: search folds them, the import does not.
    expect(normaliseName('កណ្តាល')).not.toBe(normaliseName('កណ្ដាល'));
    expect(normaliseName(null)).toBe('');
  });
});
