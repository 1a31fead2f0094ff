/**
 * The project's own hand-written seed: the capital and the 24 provinces, so that a fresh
 * `npm start` has an administrative tree before any official file is imported. These are
 * official facts, each row carrying its source. The whole country loads from the NCDD files
 * with the gazetteer import.
 */
import type { SeedContext } from '../../platform/module.ts';
import type { GazetteerDb } from './gazetteer.queries.ts';

const SOURCE = 'NCDD gazetteer (Ministry of Interior), edition of 2024-10-14';

// [code, Khmer name, romanised name]; 12 Phnom Penh is the capital, the others provinces.
const PROVINCES: ReadonlyArray<readonly [string, string, string]> = [
  ['01', 'បន្ទាយមានជ័យ', 'Banteay Meanchey'],
  ['02', 'បាត់ដំបង', 'Battambang'],
  ['03', 'កំពង់ចាម', 'Kampong Cham'],
  ['04', 'កំពង់ឆ្នាំង', 'Kampong Chhnang'],
  ['05', 'កំពង់ស្ពឺ', 'Kampong Speu'],
  ['06', 'កំពង់ធំ', 'Kampong Thom'],
  ['07', 'កំពត', 'Kampot'],
  ['08', 'កណ្ដាល', 'Kandal'],
  ['09', 'កោះកុង', 'Koh Kong'],
  ['10', 'ក្រចេះ', 'Kratie'],
  ['11', 'មណ្ឌលគិរី', 'Mondul Kiri'],
  ['12', 'ភ្នំពេញ', 'Phnom Penh'],
  ['13', 'ព្រះវិហារ', 'Preah Vihear'],
  ['14', 'ព្រៃវែង', 'Prey Veng'],
  ['15', 'ពោធិ៍សាត់', 'Pursat'],
  ['16', 'រតនគិរី', 'Ratanak Kiri'],
  ['17', 'សៀមរាប', 'Siem Reap'],
  ['18', 'ព្រះសីហនុ', 'Preah Sihanouk'],
  ['19', 'ស្ទឹងត្រែង', 'Stung Treng'],
  ['20', 'ស្វាយរៀង', 'Svay Rieng'],
  ['21', 'តាកែវ', 'Takeo'],
  ['22', 'ឧត្ដរមានជ័យ', 'Oddar Meanchey'],
  ['23', 'កែប', 'Kep'],
  ['24', 'ប៉ៃលិន', 'Pailin'],
  ['25', 'ត្បូងឃ្មុំ', 'Tboung Khmum'],
];

export const CAPITAL_CODE = '12';

export async function seedGazetteerDemo({ db }: SeedContext): Promise<void> {
  const gazetteer = db as GazetteerDb;
  await gazetteer
    .insertInto('gazetteer_unit')
    .values(
      PROVINCES.map(([code, nameKm, nameLatin]) => ({
        code,
        level: 1,
        parent_code: null,
        type_code: code === CAPITAL_CODE ? 'capital' : 'province',
        name_km: nameKm,
        name_latin: nameLatin,
        is_urban: code === CAPITAL_CODE,
        source: SOURCE,
      })),
    )
    .onConflict((conflict) => conflict.column('code').doNothing())
    .execute();
}
