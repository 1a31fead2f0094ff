/**
 * The capital and the 24 provinces, for files that imply them without listing them (the NCDD
 * workbook has one sheet per province and no province row). A copy of PROVINCES in
 * ../demo-seed.ts, which does not export it yet: once it does, this file should re-export that
 * list instead (official-provinces.test.ts checks that the two agree meanwhile).
 */
import { CAPITAL_CODE } from '../demo-seed.ts';

export interface OfficialProvince {
  code: string;
  nameKm: string;
  nameLatin: string;
  typeCode: 'capital' | 'province';
}

// [code, Khmer name, romanised name] as in ../demo-seed.ts (NCDD spelling and romanisation).
const ROWS: ReadonlyArray<readonly [string, string, string]> = [
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

export const OFFICIAL_PROVINCES: ReadonlyMap<string, OfficialProvince> = new Map(
  ROWS.map(([code, nameKm, nameLatin]) => [
    code,
    { code, nameKm, nameLatin, typeCode: code === CAPITAL_CODE ? 'capital' : 'province' },
  ]),
);
