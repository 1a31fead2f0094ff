/**
 * Demo data (every row marked is_example): the 2026 and 2027 holiday lists (not official, see
 * holidays-data.ts), a handful of typical One Window Service Office and commune/sangkat
 * services with fees and time limits of the usual size, offered at Kep municipality (2302) and
 * its sangkats, a few applications at various steps, and one complaint. Fees, time limits and
 * legal references are illustrative, not the official schedules.
 */
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { changeStatus, fileApplication, recordFee } from './applications.service.ts';
import { createServicesContext } from './filing-queue.ts';
import { checkApplicant } from './applicants.ts';
import type { AttachmentStore } from './attachments.ts';
import { HolidayCalendar, replaceHolidays } from './calendar.service.ts';
import { fileComplaint } from './complaints.service.ts';
import type { ServicesContext, ServicesModuleContext } from './context.ts';
import { kepSangkats } from './demo-seed.queries.ts';
import { skipSeed } from '../../platform/db/seeds.ts';
import { DEMO_HOLIDAY_SOURCE, DEMO_HOLIDAYS } from './holidays-data.ts';
import type { CreateStandardBody } from './standards.schemas.ts';
import { addOffering } from './offerings.service.ts';
import { createStandard } from './standards.service.ts';

const EXAMPLE_SOURCE =
  'Example for the demo: fee and time limit of the usual size, not an official schedule.';
const OWSO_BASIS =
  'Example: sub-decree on One Window Service Offices and the joint prakas on their services and fees';
const COMMUNE_BASIS =
  'Example: sub-decree on civil registration, and the prakas on commune/sangkat administrative services';

const field = (
  order: number,
  code: string,
  datatype: CreateStandardBody['formFields'][number]['datatype'],
  required: boolean,
  descriptionKm: string,
  descriptionEn: string,
  values?: [string, string, string][],
) => ({
  code,
  datatype,
  required,
  variable: true,
  order,
  descriptionKm,
  descriptionEn,
  ...(values ? { values: values.map(([key, nameKm, nameEn]) => ({ key, nameKm, nameEn })) } : {}),
});
const doc = (nameKm: string, nameEn: string) => ({ nameKm, nameEn });
const tier = (code: string, labelKm: string, labelEn: string, amountRiel: number) => ({
  code,
  labelKm,
  labelEn,
  amountRiel,
});
const idCard = doc('អត្តសញ្ញាណប័ណ្ណសញ្ជាតិខ្មែរ (ច្បាប់ចម្លង)', 'Khmer national identity card (copy)');

export const DEMO_STANDARDS: CreateStandardBody[] = [
  {
    code: 'owso.business_licence_small',
    sector: 'commerce',
    nameKm: 'លិខិតអនុញ្ញាតប្រកបអាជីវកម្មសម្រាប់សហគ្រាសធុនតូច',
    nameEn: 'Business licence for a small enterprise',
    descriptionKm: 'លិខិតអនុញ្ញាតសម្រាប់ហាងលក់រាយ ភោជនីយដ្ឋាន និងសេវាកម្មខ្នាតតូច',
    descriptionEn: 'Licence to run a shop, an eating place or a small service business.',
    legalBasis: OWSO_BASIS,
    providerTier: 'district',
    timeLimitDays: 10,
    feeTiers: [
      tier('micro', 'សហគ្រាសធុនតូចបំផុត (ក្រោម ៥ នាក់)', 'Micro enterprise (under 5 workers)', 100_000),
      tier('small', 'សហគ្រាសធុនតូច (៥ ដល់ ៤៩ នាក់)', 'Small enterprise (5 to 49 workers)', 200_000),
    ],
    requiredDocuments: [
      idCard,
      doc('ប្លង់ទីតាំងអាជីវកម្ម', 'Sketch of the business premises'),
      doc('កិច្ចសន្យាជួលទីតាំង ឬប័ណ្ណកម្មសិទ្ធិ', 'Lease of the premises or title deed'),
    ],
    formFields: [
      field(1, 'business_name', 'string', true, 'ឈ្មោះអាជីវកម្ម', 'Name of the business'),
      field(2, 'business_type', 'singlevaluelist', true, 'ប្រភេទអាជីវកម្ម', 'Kind of business', [
        ['retail', 'លក់រាយ', 'Retail shop'],
        ['food', 'ភោជនីយដ្ឋាន និងភេសជ្ជៈ', 'Food and drink'],
        ['services', 'សេវាកម្ម', 'Services'],
        ['workshop', 'រោងជាងតូច', 'Small workshop'],
      ]),
      field(3, 'workers', 'number', true, 'ចំនួនកម្មករ', 'Number of workers'),
      field(4, 'opening_date', 'date', false, 'ថ្ងៃចាប់ផ្ដើមអាជីវកម្ម', 'Day the business opens'),
      field(5, 'extras', 'multivaluelist', false, 'សកម្មភាពបន្ថែម', 'Further activities', [
        ['alcohol', 'លក់គ្រឿងស្រវឹង', 'Sells alcohol'],
        ['music', 'ចាក់តន្ត្រី', 'Plays music'],
        ['signboard', 'ដាក់ផ្លាកយីហោ', 'Puts up a signboard'],
      ]),
    ],
    source: EXAMPLE_SOURCE,
  },
  {
    code: 'owso.construction_permit_small',
    sector: 'construction',
    nameKm: 'លិខិតអនុញ្ញាតសាងសង់អគារខ្នាតតូច',
    nameEn: 'Construction permit for a small building',
    descriptionKm: 'សម្រាប់អគារដែលមានផ្ទៃក្រឡាកម្រាលសរុបតិចជាង ៥០០ ម៉ែត្រការ៉េ',
    descriptionEn: 'For buildings of less than 500 square metres of floor area.',
    legalBasis: OWSO_BASIS,
    providerTier: 'district',
    timeLimitDays: 20,
    feeTiers: [
      tier('upto_100m2', 'រហូតដល់ ១០០ ម៉ែត្រការ៉េ', 'Up to 100 m²', 100_000),
      tier('upto_500m2', 'ពី ១០១ ដល់ ៥០០ ម៉ែត្រការ៉េ', '101 to 500 m²', 300_000),
    ],
    requiredDocuments: [
      idCard,
      doc('ប័ណ្ណកម្មសិទ្ធិដីធ្លី (ច្បាប់ចម្លង)', 'Land title (copy)'),
      doc('ប្លង់សាងសង់ ៣ ច្បាប់', 'Building plans, 3 copies'),
    ],
    formFields: [
      field(1, 'land_title_number', 'string', true, 'លេខប័ណ្ណកម្មសិទ្ធិដី', 'Land title number'),
      field(2, 'floor_area_m2', 'number', true, 'ផ្ទៃក្រឡាកម្រាលសរុប (ម៉ែត្រការ៉េ)', 'Total floor area (m²)'),
      field(3, 'floors', 'number', true, 'ចំនួនជាន់', 'Number of floors'),
      field(4, 'building_use', 'singlevaluelist', true, 'គោលបំណងប្រើប្រាស់', 'Use of the building', [
        ['house', 'ផ្ទះស្នាក់នៅ', 'Dwelling'],
        ['shophouse', 'ផ្ទះអាជីវកម្ម', 'Shophouse'],
        ['warehouse', 'ឃ្លាំង', 'Warehouse'],
      ]),
    ],
    source: EXAMPLE_SOURCE,
  },
  {
    code: 'owso.motorbike_transfer',
    sector: 'transport',
    nameKm: 'ការផ្ទេរកម្មសិទ្ធិ និងប័ណ្ណសម្គាល់យានយន្តម៉ូតូ',
    nameEn: 'Transfer of a motorbike registration',
    legalBasis: OWSO_BASIS,
    providerTier: 'district',
    timeLimitDays: 5,
    feeTiers: [tier('standard', 'តម្លៃធម្មតា', 'Standard fee', 40_000)],
    requiredDocuments: [
      idCard,
      doc('ប័ណ្ណសម្គាល់យានយន្តដើម', 'Original registration card'),
      doc('លិខិតលក់ទិញ', 'Deed of sale'),
    ],
    formFields: [
      field(1, 'plate_number', 'string', true, 'ស្លាកលេខ', 'Plate number'),
      field(2, 'previous_owner', 'string', true, 'ឈ្មោះម្ចាស់ចាស់', 'Name of the previous owner'),
      field(3, 'sale_date', 'date', true, 'ថ្ងៃលក់ទិញ', 'Day of the sale'),
    ],
    source: EXAMPLE_SOURCE,
  },
  {
    code: 'commune.birth_certificate',
    sector: 'civil_registration',
    nameKm: 'សំបុត្រកំណើត',
    nameEn: 'Birth certificate',
    descriptionKm: 'ការចុះបញ្ជីកំណើតក្នុងរយៈពេល ៣០ ថ្ងៃ មិនគិតថ្លៃ',
    descriptionEn: 'Registering a birth within 30 days is free.',
    legalBasis: COMMUNE_BASIS,
    providerTier: 'commune',
    timeLimitDays: 1,
    feeTiers: [
      tier('on_time', 'ក្នុងរយៈពេល ៣០ ថ្ងៃ', 'Within 30 days of the birth', 0),
      tier('late', 'ហួសរយៈពេល ៣០ ថ្ងៃ', 'After 30 days', 4_000),
    ],
    requiredDocuments: [
      doc('លិខិតបញ្ជាក់កំណើតពីមណ្ឌលសុខភាព ឬមន្ទីរពេទ្យ', 'Birth notice from the health centre or hospital'),
      doc('សៀវភៅគ្រួសារ ឬសៀវភៅស្នាក់នៅ', 'Family book or residence book'),
    ],
    formFields: [
      field(1, 'child_name', 'string', true, 'ឈ្មោះកុមារ', 'Name of the child'),
      field(2, 'date_of_birth', 'date', true, 'ថ្ងៃខែឆ្នាំកំណើត', 'Date of birth'),
      field(3, 'child_sex', 'singlevaluelist', true, 'ភេទកុមារ', 'Sex of the child', [
        ['female', 'ស្រី', 'Female'],
        ['male', 'ប្រុស', 'Male'],
      ]),
      field(4, 'place_of_birth', 'singlevaluelist', true, 'ទីកន្លែងកំណើត', 'Place of birth', [
        ['health_centre', 'មណ្ឌលសុខភាព', 'Health centre'],
        ['hospital', 'មន្ទីរពេទ្យ', 'Hospital'],
        ['home', 'នៅផ្ទះ', 'At home'],
      ]),
      field(5, 'mother_name', 'string', true, 'ឈ្មោះម្ដាយ', 'Mother’s name'),
      field(6, 'father_name', 'string', false, 'ឈ្មោះឪពុក', 'Father’s name'),
    ],
    source: EXAMPLE_SOURCE,
  },
  {
    code: 'commune.certification',
    sector: 'administration',
    nameKm: 'ការបញ្ជាក់ច្បាប់ចម្លងឯកសារ និងហត្ថលេខា',
    nameEn: 'Certification of copies and signatures',
    legalBasis: COMMUNE_BASIS,
    providerTier: 'commune',
    timeLimitDays: 1,
    feeTiers: [tier('per_document', 'ក្នុងមួយឯកសារ', 'Per document', 2_000)],
    requiredDocuments: [idCard, doc('ឯកសារដើម និងច្បាប់ចម្លង', 'The original and its copies')],
    formFields: [
      field(1, 'document_kind', 'singlevaluelist', true, 'ប្រភេទឯកសារ', 'Kind of document', [
        ['copy', 'ច្បាប់ចម្លងឯកសារ', 'Copy of a document'],
        ['signature', 'ហត្ថលេខា', 'Signature'],
        ['residence', 'លិខិតបញ្ជាក់ទីលំនៅ', 'Proof of residence'],
      ]),
      field(2, 'copies', 'number', true, 'ចំនួនច្បាប់', 'Number of copies'),
    ],
    source: EXAMPLE_SOURCE,
  },
  {
    code: 'commune.family_book',
    sector: 'civil_registration',
    nameKm: 'សៀវភៅគ្រួសារ',
    nameEn: 'Family book',
    legalBasis: COMMUNE_BASIS,
    providerTier: 'commune',
    timeLimitDays: 5,
    feeTiers: [tier('standard', 'តម្លៃធម្មតា', 'Standard fee', 0)],
    requiredDocuments: [idCard, doc('សំបុត្រកំណើតរបស់សមាជិកគ្រួសារ', 'Birth certificates of the household members')],
    formFields: [
      field(1, 'household_head', 'string', true, 'ឈ្មោះមេគ្រួសារ', 'Head of the household'),
      field(2, 'members', 'number', true, 'ចំនួនសមាជិក', 'Number of members'),
      field(3, 'reason', 'singlevaluelist', true, 'មូលហេតុ', 'Reason', [
        ['new', 'គ្រួសារថ្មី', 'New household'],
        ['replace', 'បាត់ ឬខូច', 'Lost or damaged'],
        ['update', 'កែប្រែសមាជិក', 'Change of members'],
      ]),
    ],
    source: EXAMPLE_SOURCE,
  },
];

const KEP_MUNICIPALITY = '2302';
const OTHER_DISTRICT_OFFICES = ['1201', '1301'];
const OTHER_COMMUNE_OFFICES = ['120101', '130101'];
const OTHER_OFFICES = [...OTHER_DISTRICT_OFFICES, ...OTHER_COMMUNE_OFFICES];
const OFFERED_FROM = '2024-01-01';

/** An attachment store that refuses: the seed writes no files. */
const noFiles: AttachmentStore = {
  put: () => Promise.reject(new Error('The demo seed stores no files.')),
  get: () => Promise.resolve(null),
  delete: () => Promise.resolve(),
};

export async function seedServicesDemo(moduleCtx: ServicesModuleContext): Promise<void> {
  const { db } = moduleCtx;
  const calendar = new HolidayCalendar(db, 0);
  const ctx: ServicesContext = createServicesContext(moduleCtx, {
    calendar,
    attachments: noFiles,
  });
  for (const [year, holidays] of Object.entries(DEMO_HOLIDAYS)) {
    await replaceHolidays(ctx, SYSTEM_ACTOR, Number(year), {
      holidays,
      source: DEMO_HOLIDAY_SOURCE,
      isExample: true,
    });
  }

  // The offices of the other places the demo covers: khan Chamkar Mon and its sangkat Tonle
  // Basak (Phnom Penh), district Chey Saen and its commune S'ang (Preah Vihear).
  const present = await ctx.ports.gazetteer.unitNames(ctx.db as never, [KEP_MUNICIPALITY, ...OTHER_OFFICES]);
  const missing = [KEP_MUNICIPALITY, ...OTHER_OFFICES].filter((code) => !present.has(code));
  if (missing.length > 0) skipSeed(`the tree lacks unit(s) ${missing.join(', ')} that demo offices sit at`);
  const sangkats = await kepSangkats(ctx, KEP_MUNICIPALITY);
  for (const standard of DEMO_STANDARDS) {
    await createStandard(ctx, SYSTEM_ACTOR, standard, { isExample: true });
    const units =
      standard.providerTier === 'district'
        ? [KEP_MUNICIPALITY, ...OTHER_DISTRICT_OFFICES]
        : [...sangkats.map((unit) => unit.code), ...OTHER_COMMUNE_OFFICES];
    for (const unitCode of units) {
      await addOffering(
        ctx,
        SYSTEM_ACTOR,
        standard.code,
        { unitCode, validFrom: OFFERED_FROM },
        { isExample: true },
      );
    }
  }

  // A few cases at the OWSO and at Kaeb sangkat, at different steps.
  const person = (
    name: string,
    sex: string,
    ageGroup: string,
    phone: string | null,
    disability: boolean | null = false,
  ) => checkApplicant({ name, sex, ageGroup, phone, disability });
  const file = (
    serviceCode: string,
    unitCode: string,
    filedOn: string,
    values: Record<string, unknown>,
    applicant: ReturnType<typeof person>,
  ) =>
    fileApplication(ctx, SYSTEM_ACTOR, {
      serviceCode,
      unitCode,
      values,
      applicant,
      channel: 'counter',
      applicantUserId: null,
      filedOn,
      isExample: true,
    });
  const step = (number: string, to: string, on: string, note?: string) =>
    changeStatus(ctx, SYSTEM_ACTOR, number, { to, note }, { on });

  const licence = await file(
    'owso.business_licence_small',
    KEP_MUNICIPALITY,
    '2026-10-05',
    { business_name: 'ហាងកាហ្វេ សមុទ្រកែប', business_type: 'food', workers: 3, extras: ['music'] },
    person('សុខ ចន្ថា', 'female', '35-49', '012 345 001'),
  );
  await recordFee(
    ctx,
    SYSTEM_ACTOR,
    licence.trackingNumber,
    { tierCode: 'micro', amountRiel: 100_000, receiptNumber: 'KEP-2026-0001', paidOn: '2026-10-05' },
    { isExample: true },
  );
  await step(licence.trackingNumber, 'under_review', '2026-10-06');
  await step(licence.trackingNumber, 'approved', '2026-10-14');
  await step(licence.trackingNumber, 'ready_for_collection', '2026-10-14');
  await step(licence.trackingNumber, 'closed', '2026-10-16');

  const permit = await file(
    'owso.construction_permit_small',
    KEP_MUNICIPALITY,
    '2026-10-20',
    { land_title_number: '23020101-0457', floor_area_m2: 96, floors: 1, building_use: 'house' },
    person('កែវ សុភ័ក្រ', 'male', '50-64', '097 555 0102', true),
  );
  await recordFee(
    ctx,
    SYSTEM_ACTOR,
    permit.trackingNumber,
    { tierCode: 'upto_100m2', amountRiel: 100_000, receiptNumber: 'KEP-2026-0002', paidOn: '2026-10-20' },
    { isExample: true },
  );
  await step(permit.trackingNumber, 'under_review', '2026-10-21');
  await step(
    permit.trackingNumber,
    'more_info_needed',
    '2026-10-23',
    'សូមភ្ជាប់ប្លង់សាងសង់ ៣ ច្បាប់។ Please bring the building plans, 3 copies.',
  );

  await file(
    'owso.motorbike_transfer',
    KEP_MUNICIPALITY,
    '2026-11-02',
    { plate_number: 'កែប 1A-2345', previous_owner: 'ចាន់ ដារា', sale_date: '2026-10-30' },
    person('ម៉ៅ វិចិត្រ', 'male', '18-34', '088 123 4567'),
  );

  const birth = await file(
    'commune.birth_certificate',
    '230201',
    '2026-11-10',
    {
      child_name: 'សុខ ស្រីនាថ',
      date_of_birth: '2026-11-01',
      child_sex: 'female',
      place_of_birth: 'health_centre',
      mother_name: 'ហេង សុភា',
    },
    person('ហេង សុភា', 'female', '18-34', null),
  );
  await recordFee(
    ctx,
    SYSTEM_ACTOR,
    birth.trackingNumber,
    { tierCode: 'on_time', amountRiel: 0, receiptNumber: 'KB-2026-0101', paidOn: '2026-11-10' },
    { isExample: true },
  );
  await step(birth.trackingNumber, 'under_review', '2026-11-10');
  await step(birth.trackingNumber, 'approved', '2026-11-10');

  await file(
    'commune.certification',
    '230201',
    '2026-11-20',
    { document_kind: 'copy', copies: 3 },
    person('លី ម៉េង', 'male', '65+', '015 777 888', null),
  );

  await fileComplaint(
    ctx,
    SYSTEM_ACTOR,
    {
      subject: 'service',
      unitCode: '230201',
      serviceCode: 'commune.certification',
      description: 'គេសុំប្រាក់បន្ថែមក្រៅពីតម្លៃដែលបានបិទផ្សាយ។ Asked for more than the published fee.',
      complainant: { sex: 'female', ageGroup: '35-49', phone: '012 345 009' },
    },
    { isExample: true, filedOn: '2026-11-21' },
  );

  // Phnom Penh: a certification at sangkat Tonle Basak, done.
  const copies = await file(
    'commune.certification',
    '120101',
    '2026-11-12',
    { document_kind: 'copy', copies: 2 },
    person('ជា សុវណ្ណារី', 'female', '18-34', '010 222 333'),
  );
  await step(copies.trackingNumber, 'under_review', '2026-11-12');
  await step(copies.trackingNumber, 'approved', '2026-11-13');

  // Preah Vihear: a birth registered at the commune of S'ang, and a complaint about the wait.
  const rural = await file(
    'commune.birth_certificate',
    '130101',
    '2026-11-18',
    {
      child_name: 'យឹម បញ្ញា',
      date_of_birth: '2026-11-03',
      child_sex: 'male',
      place_of_birth: 'home',
      mother_name: 'រស់ ចន្ធី',
    },
    person('រស់ ចន្ធី', 'female', '18-34', null),
  );
  await step(rural.trackingNumber, 'under_review', '2026-11-19');
  await fileComplaint(
    ctx,
    SYSTEM_ACTOR,
    {
      subject: 'service',
      unitCode: '130101',
      serviceCode: 'commune.birth_certificate',
      description:
        'ស្មៀនឃុំមិនមកធ្វើការនៅថ្ងៃពុធ ខ្ញុំត្រូវរង់ចាំពីរថ្ងៃ។ The commune clerk was not in on Wednesday; I waited two days.',
      complainant: { sex: 'female', ageGroup: '18-34', phone: null },
    },
    { isExample: true, filedOn: '2026-11-20' },
  );
}
