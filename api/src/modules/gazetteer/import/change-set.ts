/**
 * The shapes shared by the gazetteer import: what a file says (ImportedUnit), what is wrong in
 * it (ImportProblem), and how it differs from the tree in the database (UnitChange). Reading
 * files produces the first two; comparing with the tree produces the third; applying writes
 * units, versions, events and one audit record for the whole import.
 */

export type UnitLevel = 1 | 2 | 3 | 4;

/** Where a row came from, so every problem and change can point at it. */
export interface RowSource {
  file: string;
  sheet?: string;
  /** 1-based row number as a spreadsheet program shows it. */
  row?: number;
}

export interface ImportedUnit {
  /** Zero-padded NCDD code: 2, 4, 6 or 8 digits. */
  code: string;
  parentCode: string | null;
  level: UnitLevel;
  /** gazetteer_unit_type.code: capital, province, municipality, district, khan, commune, sangkat, village. */
  typeCode: string;
  nameKm: string;
  nameLatin: string;
  isUrban: boolean;
  legalReference: string | null;
  officialNote: string | null;
  source: RowSource;
  /**
   * A province the file does not list but implies (the NCDD workbook and its flat CSV have no
   * province rows): taken from the built-in list of official provinces, created when the tree
   * lacks it, never compared with the tree (the file says nothing about its names).
   */
  implied?: boolean;
}

/**
 * One data row as a reader found it, before validation: the code padded (or left as it was
 * when it is not a code at all), the type word mapped when it is known.
 */
export interface ReadRow {
  code: string;
  parentCode: string | null;
  /** gazetteer_unit_type.code, or null when the file's type word is unknown. */
  typeCode: string | null;
  /** The type as the file writes it (ស្រុក, Quarter, ...), for problem messages. */
  typeWord: string;
  nameKm: string;
  nameLatin: string;
  legalReference: string | null;
  officialNote: string | null;
  source: RowSource;
  implied?: boolean;
  /**
   * The reader refused the row as a whole (a CSV row with more or fewer cells than the header):
   * the problem to report. The code is what the code cell held, for validation to keep it from
   * being taken for a unit absent from the file.
   */
  refusal?: { code: string; message: string };
}

export interface ImportProblem {
  /** Stable code, e.g. gazetteer.import.duplicate_code, gazetteer.import.missing_parent. */
  code: string;
  message: string;
  source: RowSource;
  unitCode?: string;
}

export interface UnitSnapshot {
  code: string;
  parentCode: string | null;
  typeCode: string;
  nameKm: string;
  nameLatin: string;
  isUrban: boolean;
}

export type UnitChange =
  | {
      kind: 'added';
      code: string;
      after: UnitSnapshot;
      unit: ImportedUnit;
      /** The code belongs to a unit abolished earlier: it comes back (event 'reinstated'). */
      reinstated?: boolean;
    }
  | {
      kind: 'renamed';
      code: string;
      before: Pick<UnitSnapshot, 'nameKm' | 'nameLatin'>;
      after: Pick<UnitSnapshot, 'nameKm' | 'nameLatin'>;
      unit: ImportedUnit;
    }
  | {
      kind: 'moved';
      code: string;
      before: { parentCode: string | null };
      after: { parentCode: string | null };
      unit: ImportedUnit;
    }
  | {
      kind: 'retyped';
      code: string;
      before: Pick<UnitSnapshot, 'typeCode' | 'isUrban'>;
      after: Pick<UnitSnapshot, 'typeCode' | 'isUrban'>;
      unit: ImportedUnit;
    }
  | { kind: 'removed'; code: string; before: UnitSnapshot };

export interface ChangeSet {
  changes: UnitChange[];
  problems: ImportProblem[];
  /** Units read per level, e.g. { 1: 25, 2: 210, 3: 1652, 4: 14570 }. */
  unitsRead: Record<UnitLevel, number>;
  counts: Record<UnitChange['kind'], number>;
  /**
   * Villages whose urban flag follows their commune (a village of a sangkat is urban): when a
   * commune is retyped, its villages change with it. Written with the commune's change, with a
   * new version but no event of their own (the commune's 'retyped' event is the dated change).
   */
  urbanFollowers: Array<{ code: string; isUrban: boolean }>;
  /**
   * Names the files spell differently from the tree without naming the unit differently
   * (subscript ត for ដ, case, diacritics, spacing, a doubled letter: "Ratanakiri" for "Ratanak
   * Kiri"): shown to the user, never applied, so one source's spelling does not overwrite
   * another's at every import. See spelling.ts.
   */
  spellingVariants: Array<{ code: string; tree: string; file: string }>;
  /** Codes left out because of a problem on their row or on an ancestor's (applied only with applyValid). */
  skippedCodes: string[];
  /** Province codes the files cover: removals are looked for only there. */
  coveredProvinces: string[];
}
