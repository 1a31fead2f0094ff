/**
 * Compares what the files say with the tree in the database and says what would change: units
 * added, renamed (Khmer or Latin name), moved (parent), retyped (type), removed. Pure: the tree
 * comes in as rows, the change set goes out; nothing is read or written here.
 *
 * Removal is looked for only where the files speak: in the provinces they cover and at the
 * levels they list. A workbook of one province removes nothing in the other 24; pumi's
 * villages.csv alone removes no commune.
 */
import type {
  ChangeSet,
  ImportedUnit,
  ImportProblem,
  UnitChange,
  UnitLevel,
  UnitSnapshot,
} from './change-set.ts';
import { normaliseName } from './normalise-name.ts';
import { sameSpelling } from './spelling.ts';
import { UNIT_TYPES, withoutUnitWord } from './unit-types.ts';
import { compareCodes } from './validate.ts';

/** A row of gazetteer_unit as the diff needs it; abolished units (validTo set) included. */
export interface TreeUnit extends UnitSnapshot {
  level: number;
  validTo: string | null;
}

export interface DiffInput {
  /** The valid part of the files (see validate.ts). */
  units: readonly ImportedUnit[];
  /** Every code the files name, including rows with problems. */
  presentCodes: ReadonlySet<string>;
  problems: readonly ImportProblem[];
  skippedCodes: readonly string[];
  tree: readonly TreeUnit[];
}

const KINDS: ReadonlyArray<UnitChange['kind']> = ['added', 'renamed', 'moved', 'retyped', 'removed'];

const snapshotOf = (unit: TreeUnit): UnitSnapshot => ({
  code: unit.code,
  parentCode: unit.parentCode,
  typeCode: unit.typeCode,
  nameKm: unit.nameKm,
  nameLatin: unit.nameLatin,
  isUrban: unit.isUrban,
});

/** The codes of every unit above `code` (the province first). */
const ancestorsOf = (code: string): string[] => {
  const result: string[] = [];
  for (let length = 2; length < code.length; length += 2) result.push(code.slice(0, length));
  return result;
};

export function diffUnits(input: DiffInput): ChangeSet {
  const treeByCode = new Map(input.tree.map((unit) => [unit.code, unit]));
  const active = (code: string | null): TreeUnit | undefined => {
    const unit = code === null ? undefined : treeByCode.get(code);
    return unit && unit.validTo === null ? unit : undefined;
  };
  const fileByCode = new Map(input.units.map((unit) => [unit.code, unit]));

  // Urban or rural: a unit of levels 1-3 keeps the tree's flag while its type stays (the flag
  // may have been set by hand) and takes its type's when it is new or retyped; a village
  // follows its commune (the villages of a sangkat are urban).
  const urbanMemo = new Map<string, boolean>();
  const urbanOf = (unit: ImportedUnit): boolean => {
    const known = urbanMemo.get(unit.code);
    if (known !== undefined) return known;
    let urban: boolean;
    if (unit.level < 4) {
      const current = active(unit.code);
      urban =
        current && (unit.implied || current.typeCode === unit.typeCode)
          ? current.isUrban
          : (UNIT_TYPES[unit.typeCode]?.isUrban ?? false);
    } else {
      const parentInFile = unit.parentCode === null ? undefined : fileByCode.get(unit.parentCode);
      urban = parentInFile ? urbanOf(parentInFile) : (active(unit.parentCode)?.isUrban ?? false);
    }
    urbanMemo.set(unit.code, urban);
    return urban;
  };

  const changes: UnitChange[] = [];
  const urbanFollowers: ChangeSet['urbanFollowers'] = [];
  const spellingVariants: ChangeSet['spellingVariants'] = [];
  for (const unit of [...input.units].sort((a, b) => compareCodes(a.code, b.code))) {
    const isUrban = urbanOf(unit);
    const after: UnitSnapshot = {
      code: unit.code,
      parentCode: unit.parentCode,
      typeCode: unit.typeCode,
      nameKm: unit.nameKm,
      nameLatin: unit.nameLatin,
      isUrban,
    };
    const known = treeByCode.get(unit.code);
    if (!known || known.validTo !== null) {
      changes.push({ kind: 'added', code: unit.code, after, unit, ...(known ? { reinstated: true } : {}) });
      continue;
    }
    // An implied province says nothing about the province in the tree: nothing to compare.
    if (unit.implied) continue;
    const before = { nameKm: normaliseName(known.nameKm), nameLatin: normaliseName(known.nameLatin) };
    const kmDiffers = before.nameKm !== unit.nameKm;
    const latinDiffers = before.nameLatin !== unit.nameLatin;
    // The same name with the official word of its type ("ខេត្តកណ្ដាល", "Kandal Province", as
    // newer editions write the province row) is the same name: not a rename.
    const types = [known.typeCode, unit.typeCode];
    const kmRenamed =
      kmDiffers &&
      !sameSpelling(
        'km',
        withoutUnitWord('km', before.nameKm, types),
        withoutUnitWord('km', unit.nameKm, types),
      );
    const latinRenamed =
      latinDiffers &&
      !sameSpelling(
        'latin',
        withoutUnitWord('latin', before.nameLatin, types),
        withoutUnitWord('latin', unit.nameLatin, types),
      );
    if (kmDiffers && !kmRenamed)
      spellingVariants.push({ code: unit.code, tree: before.nameKm, file: unit.nameKm });
    if (latinDiffers && !latinRenamed)
      spellingVariants.push({ code: unit.code, tree: before.nameLatin, file: unit.nameLatin });
    if (kmRenamed || latinRenamed) {
      changes.push({
        kind: 'renamed',
        code: unit.code,
        before: { nameKm: known.nameKm, nameLatin: known.nameLatin },
        // A name that differs only in spelling keeps the tree's spelling.
        after: {
          nameKm: kmRenamed ? unit.nameKm : known.nameKm,
          nameLatin: latinRenamed ? unit.nameLatin : known.nameLatin,
        },
        unit,
      });
    }
    if (known.parentCode !== unit.parentCode) {
      changes.push({
        kind: 'moved',
        code: unit.code,
        before: { parentCode: known.parentCode },
        after: { parentCode: unit.parentCode },
        unit,
      });
    }
    if (known.typeCode !== unit.typeCode) {
      changes.push({
        kind: 'retyped',
        code: unit.code,
        before: { typeCode: known.typeCode, isUrban: known.isUrban },
        after: { typeCode: unit.typeCode, isUrban },
        unit,
      });
    } else if (known.isUrban !== isUrban) {
      urbanFollowers.push({ code: unit.code, isUrban });
    }
  }

  // Where the files speak: provinces and levels of the rows they list (implied provinces and
  // rows with problems count as listed: a row with an empty name is not a unit removed).
  const impliedCodes = new Set(input.units.filter((unit) => unit.implied).map((unit) => unit.code));
  const coveredProvinces = new Set<string>();
  const coveredLevels = new Set<number>();
  const presentOrAbove = new Set<string>();
  for (const code of input.presentCodes) {
    for (const ancestor of ancestorsOf(code)) presentOrAbove.add(ancestor);
    if (impliedCodes.has(code)) continue;
    coveredProvinces.add(code.slice(0, 2));
    coveredLevels.add(code.length / 2);
  }
  const skipped = new Set(input.skippedCodes);
  const removed: UnitChange[] = [];
  for (const unit of input.tree) {
    if (unit.validTo !== null || input.presentCodes.has(unit.code)) continue;
    if (!coveredLevels.has(unit.level) || !coveredProvinces.has(unit.code.slice(0, 2))) continue;
    // A unit that still has units of the files below it, or whose parent was left out for a
    // problem, is not "absent": removing it would orphan what the files keep.
    if (presentOrAbove.has(unit.code) || ancestorsOf(unit.code).some((code) => skipped.has(code))) continue;
    removed.push({ kind: 'removed', code: unit.code, before: snapshotOf(unit) });
  }
  removed.sort((a, b) => compareCodes(a.code, b.code));
  changes.push(...removed);

  const counts = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as ChangeSet['counts'];
  for (const change of changes) counts[change.kind] += 1;
  const unitsRead: Record<UnitLevel, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const code of input.presentCodes) unitsRead[(code.length / 2) as UnitLevel] += 1;
  return {
    changes,
    problems: [...input.problems],
    unitsRead,
    counts,
    urbanFollowers,
    spellingVariants,
    skippedCodes: [...input.skippedCodes].sort(compareCodes),
    coveredProvinces: [...coveredProvinces].sort(),
  };
}

/** True when applying would write nothing. */
export const isEmptyChangeSet = (changeSet: ChangeSet): boolean =>
  changeSet.changes.length === 0 && changeSet.urbanFollowers.length === 0;
