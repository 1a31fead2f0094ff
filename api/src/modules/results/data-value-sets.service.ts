/**
 * DHIS2's `dataValueSets` exchange, so a ministry's DHIS2 and the platform can pass figures both
 * ways, matched by code: units by their NCDD code (DHIS2 `orgUnit` with idScheme=CODE), data
 * elements by code, and a category option combination by the codes of its options in the
 * combination's category order, joined by dots (`female.18_34.without`; `default` when the
 * element has no breakdown).
 *
 * Import follows the platform's import contract (platform/http/imports.ts): a dry run by
 * default, every problem reported with its row (never silently dropped: unknown element,
 * combination, unit, period, a value of the wrong type, an approved cell...), a file with
 * problems refused whole (422 results.import.has_problems) unless `applyValid`; the values are
 * checked and written by the same functions as POST /data-values, in one transaction, with one
 * audit record (results.values.import).
 */
import { createHash } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Actor } from '../../platform/actor.ts';
import { importProblem, type ImportProblem } from '../../platform/http/imports.ts';
import type { UploadedFile } from '../../platform/http/import-route.ts';
import { formValues, prepareBatch, writeBatch } from './data-values.service.ts';
import { fail } from './results.errors.ts';
import type { ResultsContext } from './results.context.ts';
import type { DataValueSet, DataValueSetsImportReport, FormValuesQuery } from './results.schemas.ts';
import { selectCombos, selectDataSetElements, selectOptionCombos } from './framework.queries.ts';
import type { ResultsDb } from './results.tables.ts';

const DEFAULT_COC = 'default';

/** For each element of a data set: its categories and its cells by code (both ways). */
async function cellCodes(db: ResultsDb, dataSet: string) {
  const elements = await selectDataSetElements(db, [dataSet]);
  const comboCodes = [...new Set(elements.map((element) => element.combo_code))];
  const categoriesOf = new Map(
    (await selectCombos(db, comboCodes)).map((row) => [row.code, row.category_codes]),
  );
  const byCode = new Map<string, Map<string, Record<string, string>>>();
  const codeById = new Map<number, string>();
  for (const row of await selectOptionCombos(db, comboCodes)) {
    const categories = categoriesOf.get(row.combo_code) ?? [];
    const code =
      categories.length === 0 ? DEFAULT_COC : categories.map((c) => row.options[c] ?? '').join('.');
    codeById.set(row.id, code);
    const map = byCode.get(row.combo_code) ?? new Map<string, Record<string, string>>();
    map.set(code, row.options);
    byCode.set(row.combo_code, map);
  }
  const comboOf = new Map(elements.map((element) => [element.code, element.combo_code]));
  return {
    codeById,
    /** The options of a cell code for an element; undefined when the element has no such cell. */
    optionsOf: (element: string, code: string) => {
      const combo = comboOf.get(element);
      return combo === undefined ? undefined : byCode.get(combo)?.get(code);
    },
    hasElement: (element: string) => comboOf.has(element),
  };
}

/** A data set's figures for a unit and a period, as DHIS2 writes a data value set. */
export async function exportDataValueSet(ctx: ResultsContext, query: FormValuesQuery): Promise<DataValueSet> {
  const form = await formValues(ctx, query);
  const { codeById } = await cellCodes(ctx.db, form.dataSet);
  return {
    dataSet: form.dataSet,
    period: form.period,
    orgUnit: form.unit,
    dataValues: form.values.map((value) => ({
      dataElement: value.dataElement,
      period: form.period,
      orgUnit: form.unit,
      categoryOptionCombo: codeById.get(value.cocId) ?? String(value.cocId),
      value: value.value,
    })),
  };
}

interface FileRow {
  /** 1-based, as a spreadsheet shows it (JSON: the value's position in dataValues). */
  row: number;
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo: string;
  value: string;
}

/** The rows of a JSON or CSV data value set; null and a problem when the file cannot be read. */
function readFile(
  file: UploadedFile,
): { dataSet: string | null; rows: FileRow[] } | { problem: ImportProblem } {
  const text = file.data.toString('utf8').replace(/^\uFEFF/, '');
  const isJson = file.name.toLowerCase().endsWith('.json') || /^\s*[{[]/.test(text);
  const str = (value: unknown) =>
    typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  if (isJson) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return {
        problem: importProblem('results.import.unreadable', `Not JSON: ${(error as Error).message}`, {
          file: file.name,
        }),
      };
    }
    const set = (parsed ?? {}) as Record<string, unknown>;
    if (!Array.isArray(set.dataValues)) {
      return {
        problem: importProblem('results.import.unreadable', 'A data value set has a dataValues array.', {
          file: file.name,
          column: 'dataValues',
        }),
      };
    }
    const rows = (set.dataValues as Record<string, unknown>[]).map((value, index) => ({
      row: index + 1,
      dataElement: str(value.dataElement),
      period: str(value.period ?? set.period),
      orgUnit: str(value.orgUnit ?? set.orgUnit),
      categoryOptionCombo: str(value.categoryOptionCombo) || DEFAULT_COC,
      value: str(value.value),
    }));
    return { dataSet: str(set.dataSet) || null, rows };
  }
  // DHIS2's CSV: dataelement, period, orgunit, catoptcombo, attroptcombo, value, … with a header.
  let records: Record<string, string>[];
  try {
    records = parseCsv(text, {
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    return {
      problem: importProblem('results.import.unreadable', `Not CSV: ${(error as Error).message}`, {
        file: file.name,
      }),
    };
  }
  const rows = records.map((record, index) => ({
    row: index + 2,
    dataElement: str(record.dataelement),
    period: str(record.period),
    orgUnit: str(record.orgunit),
    categoryOptionCombo: str(record.catoptcombo) || DEFAULT_COC,
    value: str(record.value),
  }));
  return { dataSet: null, rows };
}

/** Which column of the file a value's field came from. */
const COLUMN: Record<string, string> = {
  dataElement: 'dataElement',
  period: 'period',
  unit: 'orgUnit',
  value: 'value',
  categoryOptions: 'categoryOptionCombo',
};

export async function importDataValueSets(
  ctx: ResultsContext,
  actor: Actor,
  input: {
    file: UploadedFile;
    dataSet?: string;
    dryRun: boolean;
    applyValid: boolean;
    scope: 'all' | string[];
  },
): Promise<DataValueSetsImportReport> {
  const { file } = input;
  const checksum = createHash('sha256').update(file.data).digest('hex');
  const read = readFile(file);
  const base = {
    fileName: file.name,
    checksum,
    dryRun: input.dryRun,
    applied: false,
    rowsApplied: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
  };
  const dataSetCode = input.dataSet ?? ('rows' in read ? read.dataSet : null);
  if (!('rows' in read) || dataSetCode === null || read.rows.length === 0) {
    const problem =
      'problem' in read
        ? read.problem
        : importProblem(
            dataSetCode === null ? 'results.import.no_data_set' : 'results.import.unreadable',
            dataSetCode === null
              ? 'Name the data set (dataSet in the file or the query).'
              : 'The file holds no values.',
            { file: file.name },
          );
    return {
      ...base,
      dataSet: dataSetCode,
      rowsRead: 'rows' in read ? read.rows.length : 0,
      rowsValid: 0,
      problems: [problem],
    };
  }
  const { rows } = read;
  const cells = await cellCodes(ctx.db, dataSetCode);
  const problems: ImportProblem[] = [];
  const values = rows.map((row) => {
    const options = cells.optionsOf(row.dataElement, row.categoryOptionCombo);
    if (cells.hasElement(row.dataElement) && options === undefined) {
      problems.push(
        importProblem(
          'results.import.unknown_category_option_combo',
          `${row.dataElement} has no cell ${row.categoryOptionCombo}.`,
          { file: file.name, row: row.row, column: 'categoryOptionCombo', value: row.categoryOptionCombo },
        ),
      );
    }
    return {
      dataElement: row.dataElement,
      unit: row.orgUnit,
      period: row.period,
      // A combination already reported keeps the batch's own check quiet with the default cell.
      categoryOptions: options ?? {},
      value: row.value,
    };
  });
  const unknownCell = new Set(problems.map((problem) => problem.row));
  const batch = await prepareBatch(ctx, { body: { dataSet: dataSetCode, values }, scope: input.scope });
  for (const problem of batch.problems) {
    const row = rows[problem.index];
    const field = problem.path.split('/').pop() ?? '';
    if (problem.code === 'results.value.bad_category_options' && unknownCell.has(row?.row ?? null)) continue;
    const column = COLUMN[field] ?? field;
    problems.push(
      importProblem(problem.code, problem.message, {
        file: file.name,
        row: row?.row ?? null,
        column,
        value: row ? String((row as unknown as Record<string, string>)[column] ?? '') : null,
      }),
    );
  }
  // Rows with a problem are left out of the batch (prepareBatch leaves out those it found).
  const badRows = new Set(problems.map((problem) => problem.row));
  const keep = batch.rows.map((_, i) => !badRows.has(rows[batch.rowIndex[i] ?? -1]?.row ?? null));
  const valid = {
    ...batch,
    rows: batch.rows.filter((_, i) => keep[i]),
    rowIndex: batch.rowIndex.filter((_, i) => keep[i]),
  };
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const report = {
    ...base,
    dataSet: dataSetCode,
    rowsRead: rows.length,
    rowsValid: valid.rows.length,
    problems: problems.slice(0, 1000),
  };
  if (input.dryRun) return report;
  if (problems.length > 0 && !input.applyValid) {
    throw fail('results.import.has_problems', `${problems.length} problem(s); nothing was recorded.`);
  }
  if (valid.rows.length === 0) return report;
  const written = await writeBatch(ctx, actor, valid, {
    action: 'results.values.import',
    extra: { fileName: file.name, checksum, rowsRead: rows.length, problems: problems.length },
  });
  return {
    ...report,
    applied: true,
    rowsApplied: valid.rows.length,
    inserted: written.inserted,
    updated: written.updated,
    unchanged: written.unchanged,
  };
}
