/**
 * The classifications of budget lines, as reference data written at every start (upserted, never
 * deleted: lines refer to them).
 *
 * - Economic: the chapters of Cambodia's budget chart of accounts (class 6 expenditure, class 7
 *   revenue, class 2 capital), after the MEF's chart of accounts (Prakas 211 MEF.Prk of
 *   4 October 2013, no English text published). Nothing in ../shared/docs gives the chapter list,
 *   so every chapter is marked is_example until it is checked against the official text.
 * - Functional: the ten divisions of the UN Classification of the Functions of Government
 *   (COFOG), on which Cambodia's functional classification is based. The division codes and
 *   English names are COFOG's; the Khmer names are our translation.
 * - Fund sources: own-source revenue and the transfer programs named in the NP-2 brief
 *   (../shared/docs/domain.md, component 4), plus the usual other sources. Transfer programs
 *   defined in the transfers module are added by recordTransferRevenue under their own code.
 */
import type { BudgetsContext } from './budgets.context.ts';
import { selectClassifications } from './budgets.queries.ts';
import type { Direction, FundSourceKind } from './budgets.tables.ts';
import {
  upsertEconomicClasses,
  upsertFunctionalClasses,
  upsertFundSources,
} from './classifications.queries.ts';

const COA_SOURCE =
  'example: chapter as understood from the MEF chart of accounts (Prakas 211 MEF.Prk, 2013-10-04); to be checked against the official text';
const COFOG_SOURCE =
  'UN Classification of the Functions of Government (COFOG), divisions; Khmer names: our translation';
const DOMAIN_SOURCE = 'NP-2 component 4 (shared/docs/domain.md)';

/** The chapter of revenue that transfers received from the national level are booked under. */
export const TRANSFERS_RECEIVED = '74';
/** The fund source of own-source revenue (local taxes, fees, non-tax revenue). */
export const OWN_SOURCE = 'own_source';

export const ECONOMIC_CLASSES: readonly {
  code: string;
  direction: Direction;
  nameKm: string;
  nameEn: string;
}[] = [
  {
    code: '60',
    direction: 'expenditure',
    nameKm: 'ការទិញ',
    nameEn: 'Purchases (supplies, fuel, water, electricity)',
  },
  {
    code: '61',
    direction: 'expenditure',
    nameKm: 'សេវាខាងក្រៅ',
    nameEn: 'External services (maintenance, rent, missions)',
  },
  {
    code: '62',
    direction: 'expenditure',
    nameKm: 'សេវាខាងក្រៅផ្សេងទៀត',
    nameEn: 'Other external services (training, communication)',
  },
  { code: '63', direction: 'expenditure', nameKm: 'ពន្ធ និងអាករ', nameEn: 'Taxes and duties' },
  {
    code: '64',
    direction: 'expenditure',
    nameKm: 'ចំណាយលើបុគ្គលិក',
    nameEn: 'Staff costs (salaries, allowances)',
  },
  {
    code: '65',
    direction: 'expenditure',
    nameKm: 'ការឧបត្ថម្ភ ជំនួយសង្គម និងការផ្ទេរ',
    nameEn: 'Subsidies, social assistance and transfers',
  },
  { code: '66', direction: 'expenditure', nameKm: 'ចំណាយហិរញ្ញវត្ថុ', nameEn: 'Financial charges' },
  {
    code: '21',
    direction: 'expenditure',
    nameKm: 'ការវិនិយោគលើទ្រព្យសកម្មរូបី',
    nameEn: 'Capital investment (fixed assets)',
  },
  { code: '70', direction: 'revenue', nameKm: 'ចំណូលសារពើពន្ធ', nameEn: 'Tax revenue' },
  {
    code: '71',
    direction: 'revenue',
    nameKm: 'ចំណូលមិនមែនសារពើពន្ធ',
    nameEn: 'Non-tax revenue (fees, charges, fines)',
  },
  {
    code: '72',
    direction: 'revenue',
    nameKm: 'ចំណូលពីទ្រព្យសម្បត្តិ',
    nameEn: 'Property income (rents, concessions)',
  },
  { code: '73', direction: 'revenue', nameKm: 'ចំណូលផ្សេងៗ', nameEn: 'Other revenue' },
  {
    code: TRANSFERS_RECEIVED,
    direction: 'revenue',
    nameKm: 'ការផ្ទេរ និងជំនួយដែលបានទទួល',
    nameEn: 'Transfers and grants received',
  },
];

export const FUNCTIONAL_CLASSES: readonly { code: string; nameKm: string; nameEn: string }[] = [
  { code: '01', nameKm: 'សេវាសាធារណៈទូទៅ', nameEn: 'General public services' },
  { code: '02', nameKm: 'ការពារជាតិ', nameEn: 'Defence' },
  { code: '03', nameKm: 'សណ្ដាប់ធ្នាប់ និងសុវត្ថិភាពសាធារណៈ', nameEn: 'Public order and safety' },
  { code: '04', nameKm: 'កិច្ចការសេដ្ឋកិច្ច', nameEn: 'Economic affairs' },
  { code: '05', nameKm: 'ការការពារបរិស្ថាន', nameEn: 'Environmental protection' },
  { code: '06', nameKm: 'លំនៅឋាន និងសេវាសហគមន៍', nameEn: 'Housing and community amenities' },
  { code: '07', nameKm: 'សុខាភិបាល', nameEn: 'Health' },
  { code: '08', nameKm: 'កម្សាន្ត វប្បធម៌ និងសាសនា', nameEn: 'Recreation, culture and religion' },
  { code: '09', nameKm: 'អប់រំ', nameEn: 'Education' },
  { code: '10', nameKm: 'ការគាំពារសង្គម', nameEn: 'Social protection' },
];

export const FUND_SOURCES: readonly {
  code: string;
  kind: FundSourceKind;
  nameKm: string;
  nameEn: string;
  source: string;
  isExample: boolean;
}[] = [
  {
    code: OWN_SOURCE,
    kind: 'own_source',
    nameKm: 'ចំណូលផ្ទាល់',
    nameEn: 'Own-source revenue',
    source: DOMAIN_SOURCE,
    isExample: false,
  },
  {
    code: 'cs_fund',
    kind: 'transfer',
    nameKm: 'មូលនិធិឃុំ-សង្កាត់',
    nameEn: 'Commune/Sangkat Fund',
    source: DOMAIN_SOURCE,
    isExample: false,
  },
  {
    code: 'dm_fund',
    kind: 'transfer',
    nameKm: 'មូលនិធិក្រុង-ស្រុក',
    nameEn: 'District/Municipal Fund',
    source: DOMAIN_SOURCE,
    isExample: false,
  },
  {
    code: 'cp_transfer',
    kind: 'transfer',
    nameKm: 'ការផ្ទេរទៅរាជធានី-ខេត្ត',
    nameEn: 'Capital/provincial transfer',
    source: DOMAIN_SOURCE,
    isExample: false,
  },
  {
    code: 'cs_supplementary',
    kind: 'transfer',
    nameKm: 'មូលនិធិបំពេញបន្ថែមឃុំ-សង្កាត់',
    nameEn: 'Supplementary commune fund (2024-2028)',
    source: DOMAIN_SOURCE,
    isExample: false,
  },
  {
    code: 'development_partner',
    kind: 'development_partner',
    nameKm: 'ដៃគូអភិវឌ្ឍន៍',
    nameEn: 'Development partner',
    source: DOMAIN_SOURCE,
    isExample: false,
  },
  {
    code: 'national_program',
    kind: 'national',
    nameKm: 'កម្មវិធីថ្នាក់ជាតិ ឬក្រសួង',
    nameEn: 'National program or line ministry',
    source: DOMAIN_SOURCE,
    isExample: false,
  },
  {
    code: 'other',
    kind: 'other',
    nameKm: 'ប្រភពផ្សេងៗ',
    nameEn: 'Other source',
    source: DOMAIN_SOURCE,
    isExample: false,
  },
];

/**
 * Writes the three lists (idempotent): run at every start, in the start-up's transaction. They
 * are read first, and nothing is written when every entry is already stored as listed here
 * (every start after the first).
 */
export async function syncClassifications(ctx: BudgetsContext): Promise<void> {
  const stored = await selectClassifications(ctx.db);
  const same = <Row extends object>(row: Row | undefined, wanted: Partial<Row>) =>
    row !== undefined && Object.entries(wanted).every(([key, value]) => row[key as keyof Row] === value);
  if (
    ECONOMIC_CLASSES.every((item) =>
      same(stored.economic.get(item.code), {
        direction: item.direction,
        name_km: item.nameKm,
        name_en: item.nameEn,
        source: COA_SOURCE,
        is_example: true,
      }),
    ) &&
    FUNCTIONAL_CLASSES.every((item) =>
      same(stored.functional.get(item.code), {
        name_km: item.nameKm,
        name_en: item.nameEn,
        source: COFOG_SOURCE,
      }),
    ) &&
    FUND_SOURCES.every((item) =>
      same(stored.fundSources.get(item.code), {
        kind: item.kind,
        name_km: item.nameKm,
        name_en: item.nameEn,
        source: item.source,
      }),
    )
  )
    return;
  await upsertEconomicClasses(
    ctx.db,
    ECONOMIC_CLASSES.map((item) => ({
      code: item.code,
      parent_code: null,
      direction: item.direction,
      name_km: item.nameKm,
      name_en: item.nameEn,
      source: COA_SOURCE,
      is_example: true,
    })),
  );
  await upsertFunctionalClasses(
    ctx.db,
    FUNCTIONAL_CLASSES.map((item) => ({
      code: item.code,
      parent_code: null,
      name_km: item.nameKm,
      name_en: item.nameEn,
      source: COFOG_SOURCE,
      is_example: false,
    })),
  );
  await upsertFundSources(
    ctx.db,
    FUND_SOURCES.map((item) => ({
      code: item.code,
      kind: item.kind,
      name_km: item.nameKm,
      name_en: item.nameEn,
      source: item.source,
      is_example: item.isExample,
    })),
  );
}
