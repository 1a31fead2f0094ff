/**
 * The search's test set, built from the official tree (reference-data/, NCDD 2024-10-14): for a
 * sample of units of each kind, the spellings people type - the UNGEGN romanisation with and
 * without its diacritics, the official Latin name typed in a variant spelling (Kompong, Kg.,
 * Prah, Ch for Chh, o for ou, e for ae, hyphens, no spaces), and with a small typo - and the
 * recall of the search on them (recall@1, recall@5 per kind). Used by search-recall.test.ts and
 * bench/search-recall.bench.ts; not used by the running platform.
 *
 * A query cannot tell apart units of the same kind with the same name (there are dozens of
 * villages called Thmei): an answer counts as a hit when it is the unit or one of those twins
 * (same level, and the same Khmer name or the same folded Latin name).
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { sql, type Kysely } from 'kysely';
import { OFFICIAL_PROVINCES } from '../import/official-provinces.ts';
import { foldLatin } from './normalise.ts';
import { romaniseKhmer } from './romanise.ts';

export const REFERENCE_GAZETTEER = 'gazetteer/ncdd-gazetteer-2024-10-14.csv.gz';

export interface CountryUnit {
  code: string;
  level: number;
  parentCode: string | null;
  typeCode: string;
  nameKm: string;
  nameLatin: string;
}

export const KINDS = ['province', 'district', 'commune', 'village'] as const;
export type Kind = (typeof KINDS)[number];

/** The 16,457 units of the official tree: the 25 provinces, then the file's rows. */
export function readCountry(referenceDir: string): CountryUnit[] {
  const text = gunzipSync(fs.readFileSync(path.join(referenceDir, REFERENCE_GAZETTEER))).toString('utf8');
  const rows = parse<Record<string, string>>(text, { columns: true, skip_empty_lines: true });
  const provinces: CountryUnit[] = [...OFFICIAL_PROVINCES.values()].map((province) => ({
    code: province.code,
    level: 1,
    parentCode: null,
    typeCode: province.typeCode,
    nameKm: province.nameKm,
    nameLatin: province.nameLatin,
  }));
  return [
    ...provinces,
    ...rows.map((row) => {
      const code = row.code_padded ?? '';
      return {
        code,
        level: code.length / 2,
        parentCode: row.parent_code_padded ?? null,
        typeCode: row.unit_type ?? '',
        nameKm: row.name_km ?? '',
        nameLatin: row.name_latin ?? '',
      };
    }),
  ];
}

const URBAN_TYPES = new Set(['municipality', 'khan', 'sangkat']);

/** Inserts the tree into an empty gazetteer, level by level (the closure trigger walks up). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function loadCountry(db: Kysely<any>, units: readonly CountryUnit[]): Promise<void> {
  const urban = new Map<string, boolean>();
  for (const level of [1, 2, 3, 4]) {
    const rows = units
      .filter((unit) => unit.level === level)
      .map((unit) => {
        const isUrban =
          unit.typeCode === 'village'
            ? urban.get(unit.parentCode ?? '') === true
            : URBAN_TYPES.has(unit.typeCode) || unit.typeCode === 'capital';
        urban.set(unit.code, isUrban);
        return {
          code: unit.code,
          level,
          parent_code: unit.parentCode,
          type_code: unit.typeCode,
          name_km: unit.nameKm,
          name_latin: unit.nameLatin,
          is_urban: isUrban,
          source: 'NCDD gazetteer 2024-10-14 (search test set)',
        };
      });
    for (let start = 0; start < rows.length; start += 1000) {
      await db
        .insertInto('gazetteer_unit')
        .values(rows.slice(start, start + 1000))
        .onConflict((conflict) => conflict.column('code').doNothing())
        .execute();
      // Planner statistics as the table grows: the closure trigger's recursive query is planned
      // against them, and with those of an empty table it scans the whole table at every step.
      await sql`analyze gazetteer_unit`.execute(db);
    }
  }
}

export function kindOf(level: number): Kind {
  return KINDS[level - 1] ?? 'village';
}

/** A small deterministic generator, so that every run draws the same sample and typos. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

export type VariantKind = 'ungegn' | 'ungegn-plain' | 'typed-variant' | 'typo';

export interface RecallQuery {
  q: string;
  variant: VariantKind;
  target: CountryUnit;
}

const stripDiacritics = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '');

/** The official Latin name as another system or a hurried hand writes it. */
export function typedVariant(nameLatin: string, next: () => number): string {
  let text = nameLatin
    .replace(/\bKampong\b/gu, next() < 0.5 ? 'Kompong' : 'Kg.')
    .replace(/\bPreah\b/gu, 'Prah')
    .replace(/chh/giu, (match) => match.slice(0, 2))
    .replace(/ou/gu, 'o')
    .replace(/ae/gu, 'e');
  if (text === nameLatin) text = nameLatin.replace(/([a-z])\1/gu, '$1'); // a doubled letter once
  // Hyphens, or no spaces, or lower case.
  const style = next();
  if (style < 0.33) text = text.replace(/ /gu, '-');
  else if (style < 0.66) text = text.replace(/ /gu, '');
  else text = text.toLowerCase();
  return text;
}

/** One small typo inside the name (never its first letter): a letter dropped, doubled or swapped. */
export function typo(nameLatin: string, next: () => number): string {
  const chars = [...nameLatin];
  const letters = chars
    .map((char, index) => ({ char, index }))
    .filter(({ char, index }) => index > 0 && /\p{L}/u.test(char));
  const at = letters[Math.floor(next() * letters.length)]?.index ?? 1;
  const how = next();
  if (how < 0.34) chars.splice(at, 1);
  else if (how < 0.67) chars.splice(at, 0, chars[at] ?? '');
  else if (at + 1 < chars.length && /\p{L}/u.test(chars[at + 1] ?? '')) {
    const [a, b] = [chars[at] ?? '', chars[at + 1] ?? ''];
    chars[at] = b;
    chars[at + 1] = a;
  } else chars.splice(at, 1);
  return chars.join('');
}

/** `perKind` units of each kind (all of a kind when it has fewer), and their queries. */
export function recallQueries(
  units: readonly CountryUnit[],
  perKind: number,
  seed = 2024_10_14,
): RecallQuery[] {
  const next = seeded(seed);
  const queries: RecallQuery[] = [];
  for (const kind of KINDS) {
    const ofKind = units.filter((unit) => kindOf(unit.level) === kind && unit.nameKm && unit.nameLatin);
    const sample = [...ofKind];
    for (let i = sample.length - 1; i > 0; i -= 1) {
      const j = Math.floor(next() * (i + 1));
      [sample[i], sample[j]] = [sample[j] as CountryUnit, sample[i] as CountryUnit];
    }
    for (const target of sample.slice(0, perKind)) {
      const romanised = romaniseKhmer(target.nameKm);
      queries.push({ q: romanised, variant: 'ungegn', target });
      queries.push({ q: stripDiacritics(romanised), variant: 'ungegn-plain', target });
      queries.push({ q: typedVariant(target.nameLatin, next), variant: 'typed-variant', target });
      if (foldLatin(target.nameLatin).length >= 6)
        queries.push({ q: typo(target.nameLatin, next), variant: 'typo', target });
    }
  }
  return queries.filter((query) => query.q.trim().length > 0);
}

export interface Answer {
  code: string;
  level: number;
  nameKm: string;
  nameLatin: string;
}

/** Is this answer the target, or a twin the query cannot tell from it? */
export function isHit(answer: Answer, target: CountryUnit): boolean {
  if (answer.code === target.code) return true;
  if (answer.level !== target.level) return false;
  return answer.nameKm === target.nameKm || foldLatin(answer.nameLatin) === foldLatin(target.nameLatin);
}

export interface RecallRow {
  kind: Kind;
  variant: VariantKind;
  queries: number;
  at1: number;
  at5: number;
}

/** Runs every query through `search` (5 answers each) and tallies recall@1 and recall@5. */
export async function measureRecall(
  queries: readonly RecallQuery[],
  search: (q: string) => Promise<Answer[]>,
): Promise<RecallRow[]> {
  const rows = new Map<string, RecallRow>();
  for (const query of queries) {
    const answers = await search(query.q);
    const kind = kindOf(query.target.level);
    const key = `${kind}/${query.variant}`;
    const row = rows.get(key) ?? { kind, variant: query.variant, queries: 0, at1: 0, at5: 0 };
    row.queries += 1;
    if (answers[0] && isHit(answers[0], query.target)) row.at1 += 1;
    if (answers.slice(0, 5).some((answer) => isHit(answer, query.target))) row.at5 += 1;
    rows.set(key, row);
  }
  return [...rows.values()];
}

/** Recall over some rows (all kinds of a variant, say), as fractions. */
export function summarise(rows: readonly RecallRow[]): { queries: number; at1: number; at5: number } {
  const queries = rows.reduce((sum, row) => sum + row.queries, 0);
  const at1 = rows.reduce((sum, row) => sum + row.at1, 0);
  const at5 = rows.reduce((sum, row) => sum + row.at5, 0);
  return { queries, at1: queries ? at1 / queries : 0, at5: queries ? at5 / queries : 0 };
}

/** A table to print: one line per kind and variant. */
export function formatRecall(rows: readonly RecallRow[]): string {
  const lines = [...rows]
    .sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || a.variant.localeCompare(b.variant))
    .map(
      (row) =>
        `${row.kind.padEnd(9)} ${row.variant.padEnd(14)} n=${String(row.queries).padStart(4)}  ` +
        `recall@1 ${(row.at1 / row.queries).toFixed(3)}  recall@5 ${(row.at5 / row.queries).toFixed(3)}`,
    );
  return lines.join('\n');
}
