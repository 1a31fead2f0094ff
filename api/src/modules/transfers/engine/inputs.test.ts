import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../config.ts';
import { checkCodesAgainst, INPUT_PROBLEM, readInputsCsv } from './inputs.ts';

// The shared data sit beside the repository (repoRoot comes from import.meta.url), read in place.
const data = (file: string) => path.join(repoRoot, '../shared/data', file);
const POVERTY = data('poverty-disaster-prism/commune_indicators_joined.csv');
const POPULATION_2011 = data('socioeconomic-odc-2008-2011/commune_population_by_sex_age_2011.csv');
const PUMI_COMMUNES = data('gazetteer-pumi/communes.csv');

describe('readInputsCsv on the real files', () => {
  it('reads ID Poor households per commune (PRISM, c. 2022)', () => {
    const { rows, problems } = readInputsCsv(fs.readFileSync(POVERTY, 'utf8'), {
      codeColumn: 'commune_code',
      columns: { households: 'Total_HHs', poor_households: 'Total_Poor_12_HHs', vulnerability: 'vuln_index' },
    });
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(1_694);
    expect(rows[0]).toEqual({
      code: '010201',
      values: { households: 5465, poor_households: 739, vulnerability: 0.637499 },
      sourceRow: 2,
    });
    // An empty cell is no value: 48 codes come only from the other PRISM files.
    const withHouseholds = rows.filter((row) => row.values.households !== undefined);
    expect(withHouseholds).toHaveLength(1_646);
    // The national sums the data's README checked.
    expect(withHouseholds.reduce((sum, row) => sum + (row.values.households ?? 0), 0)).toBe(3_928_051);
    expect(rows.reduce((sum, row) => sum + (row.values.poor_households ?? 0), 0)).toBe(690_895);
  });

  it('reads the 2011 commune population and reports the codes the current gazetteer does not know', () => {
    const { rows, problems } = readInputsCsv(fs.readFileSync(POPULATION_2011, 'utf8'), {
      codeColumn: 'Com_Code',
      columns: { population: 'TT_Both', men: 'TT_M', women: 'TT_F' },
      level: 3,
    });
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(1_621);
    expect(rows.reduce((sum, row) => sum + (row.values.population ?? 0), 0)).toBe(14_339_953);
    expect(rows.find((row) => row.code === '160801')).toMatchObject({
      level: 3,
      values: { population: 4005, men: 1978, women: 2027 },
    });
    for (const row of rows)
      expect(row.values.population).toBe((row.values.men ?? 0) + (row.values.women ?? 0));

    const known = new Set(
      readInputsCsv(fs.readFileSync(PUMI_COMMUNES, 'utf8'), { codeColumn: 'code', columns: {} }).rows.map(
        (row) => row.code,
      ),
    );
    expect(known.size).toBe(1_652);
    const unknown = checkCodesAgainst(rows, known);
    // Pre-2013 codes: communes renumbered since (Tboung Khmum, district splits).
    expect(unknown.length).toBeGreaterThan(100);
    expect(unknown.every((row) => !known.has(row.code) && row.sourceRow !== undefined)).toBe(true);
  });

  it('agrees with the PRISM file on which codes are in the gazetteer', () => {
    const text = fs.readFileSync(POVERTY, 'utf8');
    const { rows } = readInputsCsv(text, { codeColumn: 'commune_code', columns: {} });
    const known = new Set(
      readInputsCsv(fs.readFileSync(PUMI_COMMUNES, 'utf8'), { codeColumn: 'code', columns: {} }).rows.map(
        (row) => row.code,
      ),
    );
    const flaggedNo = (text.match(/^\d{6},no,/gm) ?? []).length;
    expect(flaggedNo).toBe(85);
    expect(checkCodesAgainst(rows, known)).toHaveLength(flaggedNo);
  });
});

describe('readInputsCsv and misaligned rows', () => {
  it('leaves out a row with more cells than the header (an unquoted 2,278), naming its row', () => {
    const csv = ['code,households,villages', '020104,1500,6', '020105,2,278,8', '020106,"3,100",7'].join(
      '\n',
    );
    const { rows, problems } = readInputsCsv(csv, {
      codeColumn: 'code',
      columns: { households: 'households', villages: 'villages' },
    });
    expect(problems).toEqual([
      expect.objectContaining({ row: 3, column: null, code: INPUT_PROBLEM.misalignedRow }),
      expect.objectContaining({ row: 4, column: 'households', code: INPUT_PROBLEM.badNumber }),
    ]);
    // The quoted number is one cell, and is refused as a number, not shifted into villages.
    expect(rows.map((row) => row.code)).not.toContain('020105');
    expect(rows.find((row) => row.code === '020104')?.values).toEqual({ households: 1500, villages: 6 });
  });
});

describe('readInputsCsv problems', () => {
  const csv = [
    'code,pop,villages',
    '10201,1200,3', // NCDD prints codes without the leading zero
    '010202,12x,2',
    '010203,-4,2',
    ',100,1',
    '10201,900,2',
    '01020x,5,5',
    '010204,,4',
  ].join('\n');

  it('reports bad numbers, negatives, duplicates and missing codes, each with row and column', () => {
    const { rows, problems } = readInputsCsv(csv, {
      codeColumn: 'code',
      columns: { population: 'pop', villages: 'villages' },
    });
    expect(problems).toEqual([
      { row: 3, column: 'pop', code: INPUT_PROBLEM.badNumber, message: '"12x" is not a number.' },
      {
        row: 4,
        column: 'pop',
        code: INPUT_PROBLEM.negativeValue,
        message: 'population cannot be negative (-4).',
      },
      { row: 5, column: 'code', code: INPUT_PROBLEM.missingCode, message: 'No unit code.' },
      {
        row: 6,
        column: 'code',
        code: INPUT_PROBLEM.duplicateCode,
        message: 'Unit 010201 is already on row 2; this row is left out.',
      },
      {
        row: 7,
        column: 'code',
        code: INPUT_PROBLEM.badCode,
        message: '"01020x" is not an NCDD code (2, 4, 6 or 8 digits).',
      },
    ]);
    expect(rows.map((row) => [row.code, row.values])).toEqual([
      ['010201', { population: 1200, villages: 3 }],
      ['010202', { villages: 2 }],
      ['010203', { villages: 2 }],
      ['010204', { villages: 4 }],
    ]);
  });

  it('names a mapped column the file lacks and reads nothing', () => {
    const { rows, problems } = readInputsCsv(csv, { codeColumn: 'code', columns: { population: 'TT_Both' } });
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      {
        row: 1,
        column: 'TT_Both',
        code: INPUT_PROBLEM.missingColumn,
        message: 'The file has no column "TT_Both".',
      },
    ]);
  });
});
