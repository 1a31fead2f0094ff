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
  | { kind: 'added'; code: string; after: UnitSnapshot; unit: ImportedUnit }
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
}
