/**
 * Checks the rows of an import before anything is compared or written. Every problem carries a
 * stable code and the file, sheet and row it comes from, so that a dry run can list them all
 * at once. The valid part is what remains once the rows with problems, and every row below
 * them, are left out: a village is not imported under a commune that is not.
 */
import type { ImportedUnit, ImportProblem, ReadRow, RowSource, UnitLevel } from './change-set.ts';
import { isValidCode, UNIT_TYPES } from './unit-types.ts';

export const PROBLEM = {
  unreadable: 'gazetteer.import.unreadable',
  wrongKind: 'gazetteer.import.wrong_kind',
  wrongLayout: 'gazetteer.import.wrong_layout',
  badCode: 'gazetteer.import.bad_code',
  unknownType: 'gazetteer.import.unknown_type',
  typeLevelMismatch: 'gazetteer.import.type_level_mismatch',
  emptyNameKm: 'gazetteer.import.empty_name_km',
  duplicateCode: 'gazetteer.import.duplicate_code',
  codeNotUnderParent: 'gazetteer.import.code_not_under_parent',
  missingParent: 'gazetteer.import.missing_parent',
} as const;

export interface Validated {
  /** The valid part: one unit per code, none with a problem nor under a unit with one. */
  units: ImportedUnit[];
  /** Every well-formed code the files name, valid or not: none of them is "absent from the file". */
  presentCodes: Set<string>;
  problems: ImportProblem[];
  skippedCodes: string[];
}

export function describeSource(source: RowSource): string {
  return [source.file, source.sheet && `sheet "${source.sheet}"`, source.row && `row ${source.row}`]
    .filter(Boolean)
    .join(', ');
}

/**
 * `treeCodes`: the codes of the units in force in the database, where a parent missing from
 * the files may be found.
 */
export function validateRows(rows: readonly ReadRow[], treeCodes: ReadonlySet<string>): Validated {
  const problems: ImportProblem[] = [];
  const problemCodes = new Set<string>();
  const report = (code: string, row: ReadRow, message: string) => {
    problems.push({ code, message, source: row.source, unitCode: row.code });
    problemCodes.add(row.code);
  };

  const firstByCode = new Map<string, ReadRow>();
  // Codes of rows the reader refused: present in the file, left out with their descendants.
  const refusedCodes = new Set<string>();
  for (const row of rows) {
    if (row.refusal) {
      const known = isValidCode(row.code) && !firstByCode.has(row.code);
      problems.push({
        code: row.refusal.code,
        message: row.refusal.message,
        source: row.source,
        ...(known ? { unitCode: row.code } : {}),
      });
      if (known) refusedCodes.add(row.code);
      continue;
    }
    if (!isValidCode(row.code)) {
      // Not a unit at all: no code to skip, nothing to compare.
      problems.push({
        code: PROBLEM.badCode,
        message: `"${row.code}" is not a gazetteer code (2, 4, 6 or 8 digits; NCDD's 1, 3, 5 or 7 are padded).`,
        source: row.source,
      });
      continue;
    }
    const first = firstByCode.get(row.code);
    if (first) {
      report(PROBLEM.duplicateCode, row, `Code ${row.code} is already on ${describeSource(first.source)}.`);
      continue;
    }
    firstByCode.set(row.code, row);
    const level = row.code.length / 2;
    if (row.typeCode === null) {
      report(PROBLEM.unknownType, row, `Unknown unit type "${row.typeWord}".`);
    } else if (UNIT_TYPES[row.typeCode]?.level !== level) {
      report(
        PROBLEM.typeLevelMismatch,
        row,
        `A ${row.typeCode} ("${row.typeWord}") cannot have the ${row.code.length}-digit code ${row.code}.`,
      );
    }
    if (row.nameKm === '') report(PROBLEM.emptyNameKm, row, `Unit ${row.code} has no Khmer name.`);
  }

  for (const row of firstByCode.values()) {
    const expected = row.code.length > 2 ? row.code.slice(0, -2) : null;
    if (row.parentCode !== expected) {
      report(
        PROBLEM.codeNotUnderParent,
        row,
        row.parentCode === null
          ? `Unit ${row.code} has no parent.`
          : `Code ${row.code} does not start with its parent's code ${row.parentCode}.`,
      );
    } else if (
      expected !== null &&
      !firstByCode.has(expected) &&
      !refusedCodes.has(expected) &&
      !treeCodes.has(expected)
    ) {
      report(
        PROBLEM.missingParent,
        row,
        `The parent ${expected} of ${row.code} is neither in the file nor in the tree.`,
      );
    }
  }

  // Parents come before children in code order, so one pass finds every descendant.
  const skipped = new Set<string>([...refusedCodes].filter((code) => !firstByCode.has(code)));
  const units: ImportedUnit[] = [];
  for (const row of [...firstByCode.values()].sort((a, b) => compareCodes(a.code, b.code))) {
    if (problemCodes.has(row.code) || (row.parentCode !== null && skipped.has(row.parentCode))) {
      skipped.add(row.code);
      continue;
    }
    const typeCode = row.typeCode as string;
    units.push({
      code: row.code,
      parentCode: row.parentCode,
      level: (row.code.length / 2) as UnitLevel,
      typeCode,
      nameKm: row.nameKm,
      nameLatin: row.nameLatin,
      isUrban: UNIT_TYPES[typeCode]?.isUrban ?? false,
      legalReference: row.legalReference,
      officialNote: row.officialNote,
      source: row.source,
      ...(row.implied ? { implied: true } : {}),
    });
  }
  return {
    units,
    presentCodes: new Set([...firstByCode.keys(), ...refusedCodes]),
    problems,
    skippedCodes: [...skipped],
  };
}

/** Level first, then code: parents before children, and a stable order for every list. */
export function compareCodes(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
