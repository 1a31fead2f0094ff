/**
 * The project's own hand-written seed: the capital and the 24 provinces, and one whole province
 * (Kep) down to its villages, so that a fresh `npm start` has an administrative tree with every
 * level before any official file is imported. These are official facts, each row carrying its
 * source. The whole country loads from the NCDD files with the gazetteer import.
 */
import type { SeedContext } from '../../platform/module.ts';
import { insertUnitsIfAbsent, writeFirstHistory } from './demo-seed.queries.ts';
import { asGazetteerDb } from './gazetteer.queries.ts';

const SOURCE = 'NCDD gazetteer (Ministry of Interior), edition of 2024-10-14';

// [code, Khmer name, romanised name]; 12 Phnom Penh is the capital, the others provinces.
export const PROVINCES: ReadonlyArray<readonly [string, string, string]> = [
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

type KepUnitType = 'district' | 'municipality' | 'commune' | 'sangkat' | 'village';

// Kep province, every unit below it, in code order (so each parent comes before its children):
// [code, type, Khmer name, romanised name, legal act]. Copied from the NCDD gazetteer of
// 2024-10-14 (sheet "23. Kep"), NCDD's own romanisation ("Kaeb", where pumi writes "Kep");
// zero-width spaces in three of the legal references removed. Kep: 2 districts/municipalities
// (1 ក្រុង, 1 ស្រុក), 5 communes/sangkats (2 ឃុំ, 3 សង្កាត់), 18 villages; pumi agrees.
const KEP_UNITS: ReadonlyArray<readonly [string, KepUnitType, string, string, string]> = [
  ['2301', 'district', 'ដំណាក់ចង្អើរ', "Damnak Chang'aeur", 'អនុក្រឹត្យលេខ ០៦ អនក្រ.បក'],
  ['230101', 'commune', 'អង្កោល', 'Angkaol', 'អនុក្រឹត្យលេខ ០៦ អនក្រ.បក'],
  ['23010101', 'village', 'អំពេង', 'Ampeng', 'ប្រកាសលេខ ៤៩៣ ប្រ.ក របស់ក្រសួងមហាផ្ទៃ'],
  ['23010102', 'village', 'ទួលសាងាំ', 'Tuol Sangam', 'ប្រកាសលេខ ៤៩៣ ប្រ.ក របស់ក្រសួងមហាផ្ទៃ'],
  ['23010103', 'village', 'កោះសោម', 'Kaoh Saom', 'ប្រកាសលេខ ៤៩៣ ប្រ.ក របស់ក្រសួងមហាផ្ទៃ'],
  ['23010104', 'village', 'អង្កោល', 'Angkaol', 'ប្រកាសលេខ ៤៩៣ ប្រ.ក របស់ក្រសួងមហាផ្ទៃ'],
  ['230103', 'commune', 'ពងទឹក', 'Pong Tuek', 'អនុក្រឹត្យលេខ ០៦ អនក្រ.បក'],
  ['23010301', 'village', 'អូរដូង', 'Ou Doung', 'ប្រកាសលេខ ៤៩៣ ប្រ.ក របស់ក្រសួងមហាផ្ទៃ'],
  ['23010302', 'village', 'ព្រៃតាកុយ', 'Prey Ta Koy', 'ប្រកាសលេខ ៤៩៣ ប្រ.ក របស់ក្រសួងមហាផ្ទៃ'],
  ['23010303', 'village', 'ភ្នំលាវ', 'Phnum Leav', 'ប្រកាសលេខ ៤៩៣ ប្រ.ក របស់ក្រសួងមហាផ្ទៃ'],
  ['23010304', 'village', 'រនេស', 'Rones', 'ប្រកាសលេខ ៤៩៣ ប្រ.ក របស់ក្រសួងមហាផ្ទៃ'],
  ['23010305', 'village', 'ចំការបី', 'Chamkar Bei', 'ប្រកាសលេខ ៤៩៣ ប្រ.ក របស់ក្រសួងមហាផ្ទៃ'],
  ['23010306', 'village', 'ចំការចេក', 'Chamka Chek', 'ប្រកាសលេខ ១៦៣៣ ប្រ.ក'],
  ['23010307', 'village', 'អន្ទង់ស', 'Antung Sar', 'ប្រកាសលេខ ១៦៣៣ ប្រ.ក'],
  ['2302', 'municipality', 'កែប', 'Kaeb', 'អនុក្រឹត្យលេខ ០៦ អនក្រ.បក'],
  ['230201', 'sangkat', 'កែប', 'Kaeb', 'ប្រកាសលេខ ៤៩៣ ប្រ.ក របស់ក្រសួងមហាផ្ទៃ'],
  ['23020101', 'village', 'កែប', 'Kaeb', 'ប្រកាសលេខ ៤៩៣ ប្រ.ក របស់ក្រសួងមហាផ្ទៃ'],
  ['23020102', 'village', 'កែវក្រសាំង', 'Kaev Krasang', 'ប្រកាសលេខ ៤៩៣ ប្រ.ក របស់ក្រសួងមហាផ្ទៃ'],
  ['230202', 'sangkat', 'ព្រៃធំ', 'Prey Thum', 'ប្រកាសលេខ ៤៩៣ ប្រ.ក'],
  ['23020201', 'village', 'ដំណាក់ចង្អើរ', "Damnak Chang'aeur", 'ប្រកាសលេខ ៤៩៣ ប្រ.ក របស់ក្រសួងមហាផ្ទៃ'],
  ['23020202', 'village', 'កំពង់ត្រឡាច', 'Kampong Tralach', 'ប្រកាសលេខ ៤៩៣ ប្រ.ក របស់ក្រសួងមហាផ្ទៃ'],
  ['23020203', 'village', 'ថ្មី', 'Thmei', 'ប្រកាសលេខ ៤៩៣ ប្រ.ក របស់ក្រសួងមហាផ្ទៃ'],
  ['230203', 'sangkat', 'អូរក្រសារ', 'Ou Krasar', 'អនុក្រឹត្យលេខ ០៦ អនក្រ.បក'],
  ['23020301', 'village', 'អូរក្រសា', 'Ou Krasar', 'ប្រកាសលេខ ៤៩៣ ប្រ.ក របស់ក្រសួងមហាផ្ទៃ'],
  ['23020302', 'village', 'ដំណាក់ចំបក់', 'Damnak Chambak', 'ប្រកាសលេខ ៤៩៣ ប្រ.ក របស់ក្រសួងមហាផ្ទៃ'],
];

const URBAN_TYPES: ReadonlySet<KepUnitType> = new Set(['municipality', 'sangkat']);

/** The Kep rows as gazetteer_unit values. A village is urban when its commune is a sangkat. */
function kepUnitRows() {
  const urbanByCode = new Map<string, boolean>();
  return KEP_UNITS.map(([code, typeCode, nameKm, nameLatin, legalReference]) => {
    const parentCode = code.slice(0, -2);
    const isUrban = typeCode === 'village' ? urbanByCode.get(parentCode) === true : URBAN_TYPES.has(typeCode);
    urbanByCode.set(code, isUrban);
    return {
      code,
      level: code.length / 2,
      parent_code: parentCode,
      type_code: typeCode,
      name_km: nameKm,
      name_latin: nameLatin,
      is_urban: isUrban,
      legal_reference: legalReference,
      source: SOURCE,
    };
  });
}

export async function seedGazetteerDemo({ db }: SeedContext): Promise<void> {
  const gazetteer = asGazetteerDb(db);
  await insertUnitsIfAbsent(
    gazetteer,
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
  );
  // Parents first, one statement per level, so that every row finds its parent already in
  // place (the parent_code foreign key, and the closure trigger that walks up from the parent).
  const kep = kepUnitRows();
  for (const level of [2, 3, 4]) {
    await insertUnitsIfAbsent(
      gazetteer,
      kep.filter((row) => row.level === level),
    );
  }
  await writeFirstHistory(gazetteer);
}
