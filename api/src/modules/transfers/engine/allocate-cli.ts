/**
 * `npm run transfers -- allocate --formula <file.json> --inputs <file.csv> [options]`: an
 * allocation from files alone, without a database. Prints each unit's amount and its parts (a
 * table, or JSON with --json) and the equity figures. Exit codes: 0 done; 1 bad input (a
 * formula, a file or a figure the allocation cannot use: the stable code and the details go to
 * stderr, nothing is computed); 2 usage.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { readCsv } from '../../../platform/csv/read-csv.ts';
import { AllocationError, allocate, type AllocationResult } from './allocate.ts';
import { equityOf, type EquityFigures, type PerPerson } from './equity.ts';
import { FormulaError, formulaIndicators, parseFormulaText } from './formula.ts';
import { INPUT_PROBLEM, readInputsCsv, type InputProblem, type UnitInputs } from './inputs.ts';

export const USAGE = `Usage: npm run transfers -- allocate --formula <file.json> --inputs <file.csv> [options]
  --code-column <name>          column of unit codes (default: code)
  --map <indicator>=<column>,…  which column holds which indicator (default: the column named like it)
  --level-column <name>         column of unit levels (default: the code's length tells)
  --type-column <name>          column of unit types (for formulas that choose by type)
  --count <indicator>=<file.csv>:<column>
                                the indicator is the number of rows of <file.csv> per value of
                                <column>, e.g. villages=villages.csv:parent_code
  --population-indicator <name> for per-person figures (default: population)
  --poverty-indicator <name>    a poverty rate, for the correlation
  --json                        JSON instead of a table
`;

export interface AllocateOptions {
  formula: string;
  inputs: string;
  codeColumn: string;
  map: Record<string, string>;
  levelColumn?: string;
  typeColumn?: string;
  counts: { indicator: string; file: string; column: string }[];
  populationIndicator: string;
  povertyIndicator?: string;
  json: boolean;
}

export function parseAllocateArgs(args: readonly string[]): AllocateOptions | { error: string } {
  const options: Partial<AllocateOptions> & Pick<AllocateOptions, 'map' | 'counts'> = {
    codeColumn: 'code',
    map: {},
    counts: [],
    populationIndicator: 'population',
    json: false,
  };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    const [name, inline] = arg.includes('=') && arg.startsWith('--') ? splitOnce(arg, '=') : [arg, undefined];
    if (name === '--json') {
      options.json = true;
      continue;
    }
    const value = inline ?? args[(index += 1)];
    if (value === undefined || value === '') return { error: `${name} needs a value.` };
    switch (name) {
      case '--formula':
        options.formula = value;
        break;
      case '--inputs':
        options.inputs = value;
        break;
      case '--code-column':
        options.codeColumn = value;
        break;
      case '--level-column':
        options.levelColumn = value;
        break;
      case '--type-column':
        options.typeColumn = value;
        break;
      case '--population-indicator':
        options.populationIndicator = value;
        break;
      case '--poverty-indicator':
        options.povertyIndicator = value;
        break;
      case '--map':
        for (const pair of value.split(',')) {
          const [indicator, column] = splitOnce(pair, '=');
          if (!indicator || !column) return { error: `--map takes indicator=column pairs, not "${pair}".` };
          options.map[indicator.trim()] = column.trim();
        }
        break;
      case '--count': {
        const match = /^([a-z][a-z0-9_]*)=(.+):([^:]+)$/.exec(value);
        if (!match) return { error: `--count takes indicator=file.csv:column, not "${value}".` };
        options.counts.push({
          indicator: match[1] as string,
          file: match[2] as string,
          column: match[3] as string,
        });
        break;
      }
      default:
        return { error: `Unknown option ${name}` };
    }
  }
  if (!options.formula) return { error: 'Name the formula: --formula <file.json>.' };
  if (!options.inputs) return { error: 'Name the inputs: --inputs <file.csv>.' };
  return options as AllocateOptions;
}

/** What the JSON output holds: the allocation, the equity figures, and notes on the inputs. */
export interface AllocateOutput {
  allocation: AllocationResult;
  equity: Omit<EquityFigures, 'units'>;
  notes: string[];
}

class InputFileError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly problems: InputProblem[] = [],
  ) {
    super(message);
  }
}

/**
 * Reads the files and allocates; throws FormulaError, AllocationError or InputFileError. The
 * per-unit per-person amounts come apart from the output (the JSON leaves them out: the
 * allocation has the amounts, the inputs the populations).
 */
export function allocateFromFiles(options: AllocateOptions): {
  output: AllocateOutput;
  perPerson: PerPerson[];
} {
  const formula = parseFormulaText(readText(options.formula));
  const counted = new Set(options.counts.map((count) => count.indicator));
  const wanted = [
    ...new Set([
      ...formulaIndicators(formula),
      options.populationIndicator,
      ...optional(options.povertyIndicator),
    ]),
  ].filter((indicator) => !counted.has(indicator));
  const text = readText(options.inputs);
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const columns: Record<string, string> = {};
  for (const indicator of wanted) {
    const column = options.map[indicator] ?? indicator;
    // The population and poverty columns are optional extras: map them only when present.
    const required = formulaIndicators(formula).includes(indicator) || options.map[indicator] !== undefined;
    if (required || headerHas(header, column)) columns[indicator] = column;
  }
  const read = readInputsCsv(text, {
    codeColumn: options.codeColumn,
    columns,
    ...(options.levelColumn ? { levelColumn: options.levelColumn } : {}),
    ...(options.typeColumn ? { typeColumn: options.typeColumn } : {}),
  });
  if (read.problems.length > 0)
    throw new InputFileError(
      read.problems[0]?.code ?? INPUT_PROBLEM.unreadable,
      `${options.inputs}: ${read.problems.length} problem${read.problems.length === 1 ? '' : 's'}; nothing was computed.`,
      read.problems,
    );
  const notes: string[] = [];
  for (const count of options.counts) notes.push(...addCounts(read.rows, count));
  const allocation = allocate(formula, read.rows);
  const { units: perPerson, ...equity } = equityOf(allocation, read.rows, {
    populationIndicator: options.populationIndicator,
    ...(options.povertyIndicator ? { povertyIndicator: options.povertyIndicator } : {}),
  });
  return { output: { allocation, equity, notes }, perPerson };
}

/**
 * Sets `indicator` on every row to the number of rows of the counted file whose `column` is the
 * row's code. A row the counted file never names gets no value (so a formula that needs it says
 * so), not 0: a mismatch of codes must not pass for a commune without villages.
 */
function addCounts(rows: UnitInputs[], count: AllocateOptions['counts'][number]): string[] {
  const read = readCsv(readText(count.file));
  if (read.header.length === 0)
    throw new InputFileError(
      INPUT_PROBLEM.unreadable,
      `${count.file}: ${read.problems[0]?.message ?? 'The file cannot be read as CSV.'}`,
    );
  const index = read.header.indexOf(count.column);
  if (index < 0)
    throw new InputFileError(INPUT_PROBLEM.missingColumn, `${count.file} has no column "${count.column}".`);
  // A row with more or fewer cells than the header would be counted under a shifted value.
  const refused = read.problems[0];
  if (refused)
    throw new InputFileError(
      INPUT_PROBLEM.misalignedRow,
      `${count.file}, row ${refused.row}: ${refused.message}`,
    );
  const tally = new Map<string, number>();
  for (const { cells: record } of read.rows) {
    const raw = (record[index] ?? '').trim();
    if (raw === '') continue;
    const code = /^\d+$/.test(raw) && raw.length % 2 === 1 ? `0${raw}` : raw;
    tally.set(code, (tally.get(code) ?? 0) + 1);
  }
  const codes = new Set(rows.map((row) => row.code));
  for (const row of rows) {
    const value = tally.get(row.code);
    if (value !== undefined) row.values[count.indicator] = value;
  }
  const strangers = [...tally.keys()].filter((code) => !codes.has(code)).sort();
  return strangers.length === 0
    ? []
    : [
        `${count.file}: ${strangers.length} values of ${count.column} are not codes of the inputs; their rows are not counted: ${listed(strangers)}`,
      ];
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

const riel = (amount: number) => amount.toLocaleString('en-US');
const SHOWN = 20;

function listed(items: readonly string[]): string {
  return items.length <= SHOWN
    ? items.join(', ')
    : `${items.slice(0, SHOWN).join(', ')} … and ${items.length - SHOWN} more`;
}

export function allocationTable(
  output: AllocateOutput,
  perPersonUnits: readonly PerPerson[],
  populationIndicator: string,
): string {
  const { allocation, equity, notes } = output;
  const lines: string[] = [];
  lines.push(
    `${allocation.program.nameEn} (${allocation.program.code}), fiscal year ${allocation.fiscalYear}, version ${allocation.version}`,
  );
  lines.push(`Legal reference: ${allocation.legalReference.text}`);
  lines.push(
    `Pool: ${riel(allocation.pool.amount)} riel = ${allocation.pool.basis}${allocation.pool.isExample ? ' [EXAMPLE FIGURE]' : ''}; ` +
      `undistributed below the rounding unit (${riel(allocation.roundingUnit)}): ${allocation.pool.undistributed}`,
  );
  for (const component of allocation.components)
    lines.push(
      `  ${component.code.padEnd(20)} ${String(component.sharePercent).padStart(6)} %  pool ${riel(component.pool).padStart(18)}  allocated ${riel(component.allocated).padStart(18)}`,
    );
  const partNames = allocation.units[0]?.parts.map((part) => `${part.component}/${part.criterion}`) ?? [];
  const perPerson = new Map<string, number>();
  for (const item of perPersonUnits) perPerson.set(item.code, item.perPerson);
  const header = ['code', 'amount', `per ${populationIndicator}`, ...partNames, 'limit'];
  const rows = allocation.units.map((unit) => [
    unit.code,
    riel(unit.amount),
    perPerson.has(unit.code) ? (perPerson.get(unit.code) as number).toFixed(1) : '',
    ...unit.parts.map((part) => riel(part.amount)),
    unit.limit ?? '',
  ]);
  const widths = header.map((name, column) =>
    Math.max(name.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const format = (row: string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  lines.push('', format(header), ...rows.map(format));
  lines.push(
    '',
    `Total: ${riel(allocation.totals.allocated)} riel to ${allocation.totals.eligibleUnits} units` +
      ` (${allocation.totals.floored} at the floor, ${allocation.totals.capped} at the cap).`,
  );
  if (allocation.excluded.length > 0) {
    const reasons = new Map<string, number>();
    for (const unit of allocation.excluded) reasons.set(unit.reason, (reasons.get(unit.reason) ?? 0) + 1);
    lines.push(
      `Not eligible: ${allocation.excluded.length} units (${[...reasons].map(([reason, count]) => `${count} ${reason}`).join(', ')}): ` +
        listed(allocation.excluded.map((unit) => unit.code)),
    );
  }
  const number = (value: number | null, digits = 4) => (value === null ? 'n/a' : value.toFixed(digits));
  lines.push(
    `Equity per person (${populationIndicator}): mean ${number(equity.meanPerPerson, 1)} riel, ` +
      `Gini ${number(equity.gini)}, Theil ${number(equity.theil)}, CV ${number(equity.coefficientOfVariation)}, ` +
      `max/min ${number(equity.maxMinRatio, 2)}, correlation with poverty ${number(equity.povertyCorrelation)}`,
  );
  if (equity.withoutPopulation.length > 0)
    lines.push(`Without a population (left out of the equity figures): ${listed(equity.withoutPopulation)}`);
  for (const note of notes) lines.push(`Note: ${note}`);
  return `${lines.join('\n')}\n`;
}

/** Runs the command; returns the exit code. Output and errors go to the given streams. */
export function runAllocate(
  args: readonly string[],
  out: (text: string) => void = (text) => process.stdout.write(text),
  err: (text: string) => void = (text) => process.stderr.write(text),
): number {
  const options = parseAllocateArgs(args);
  if ('error' in options) {
    err(`${options.error}\n${USAGE}`);
    return 2;
  }
  try {
    const { output, perPerson } = allocateFromFiles(options);
    out(
      options.json
        ? `${JSON.stringify(output, null, 2)}\n`
        : allocationTable(output, perPerson, options.populationIndicator),
    );
    return 0;
  } catch (error) {
    if (error instanceof FormulaError) {
      err(`${error.code}: ${options.formula}: ${error.message}\n`);
      for (const item of error.errors) err(`  ${item.path}: ${item.message}\n`);
      return 1;
    }
    if (error instanceof AllocationError) {
      err(`${error.code}: ${error.message} Nothing was computed.\n`);
      for (const unit of error.units.slice(0, 50))
        err(`  ${unit.code}${unit.indicator ? ` ${unit.indicator}` : ''}: ${unit.message}\n`);
      if (error.units.length > 50) err(`  … and ${error.units.length - 50} more\n`);
      return 1;
    }
    if (error instanceof InputFileError) {
      err(`${error.code}: ${error.message}\n`);
      for (const problem of error.problems.slice(0, 50))
        err(
          `  row ${problem.row}${problem.column ? `, ${problem.column}` : ''}: ${problem.code}: ${problem.message}\n`,
        );
      if (error.problems.length > 50) err(`  … and ${error.problems.length - 50} more\n`);
      return 1;
    }
    throw error;
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputFileError(INPUT_PROBLEM.unreadable, `Cannot read ${file}: ${(error as Error).message}`);
  }
}

function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true });
}

function headerHas(header: string, column: string): boolean {
  return parseCsv(header)[0]?.includes(column) ?? false;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + separator.length)];
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}
