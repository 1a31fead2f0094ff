/**
 * Demo organs for Kep province: a council for the province, its district and municipality and
 * its five communes/sangkats, boards of governors for the province and the districts, a women
 * and children's consultative committee at each, and a few functions of the register. When the
 * tree lacks one of these units, the seed skips itself.
 *
 * None of this is official. The people are invented (common Khmer names put together, never a
 * real person's record), their parties are "Example party A/B", and every row is marked
 * `is_example` with the source 'example'. The proportions are realistic: about one commune
 * councillor in five is a woman.
 */
import { cliActor } from '../../platform/actor.ts';
import { skipSeed } from '../../platform/db/seeds.ts';
import type { CouncilsContext } from './councils.context.ts';
import { insertFunction } from './functions.queries.ts';
import { insertMembers } from './members.queries.ts';
import { insertOrgan } from './organs.queries.ts';
import type { MemberRole, OrganKind, Sex } from './councils.tables.ts';

const SOURCE = 'example';

// Family names and given names, Khmer and romanised, combined in turn: names that many
// Cambodians share, not anyone's record.
const FAMILY: ReadonlyArray<readonly [string, string]> = [
  ['សុខ', 'Sok'],
  ['ចាន់', 'Chan'],
  ['គឹម', 'Kim'],
  ['ហេង', 'Heng'],
  ['មាស', 'Meas'],
  ['កែវ', 'Keo'],
  ['ទូច', 'Touch'],
  ['ញឹម', 'Nhem'],
  ['ប្រាក់', 'Prak'],
  ['អ៊ុក', 'Ouk'],
  ['យឹម', 'Yim'],
  ['ជា', 'Chea'],
  ['សំ', 'Sam'],
  ['ផាន់', 'Phan'],
  ['ឈុន', 'Chhun'],
  ['ឡុង', 'Long'],
  ['ម៉ៅ', 'Mao'],
  ['សាយ', 'Say'],
  ['រស់', 'Ros'],
];
const GIVEN: Record<Sex, ReadonlyArray<readonly [string, string]>> = {
  male: [
    ['ដារ៉ា', 'Dara'],
    ['សុផល', 'Sophal'],
    ['វណ្ណា', 'Vanna'],
    ['រដ្ឋា', 'Rotha'],
    ['វុទ្ធី', 'Vuthy'],
    ['ពិសិដ្ឋ', 'Piseth'],
    ['សំណាង', 'Samnang'],
    ['វិបុល', 'Vibol'],
    ['រិទ្ធី', 'Rithy'],
    ['សារុំ', 'Sarom'],
    ['មករា', 'Makara'],
    ['សម្បត្តិ', 'Sambath'],
    ['ប៊ុនធឿន', 'Bunthoeun'],
  ],
  female: [
    ['សុភាព', 'Sopheap'],
    ['ចន្ធី', 'Chanthy'],
    ['បុប្ផា', 'Bopha'],
    ['ស្រីមុំ', 'Sreymom'],
    ['គន្ធា', 'Kunthea'],
    ['ចិន្តា', 'Chenda'],
    ['លក្ខិណា', 'Leakhena'],
  ],
};
const BIRTH_YEARS: ReadonlyArray<number | null> = [
  1968,
  1975,
  1982,
  1961,
  1990,
  1958,
  1971,
  1979,
  1986,
  1965,
  null,
  1973,
  1955,
  1993,
];

const ROLE_LETTERS: Record<string, MemberRole> = {
  c: 'chief',
  d: 'deputy',
  m: 'member',
  g: 'governor',
  v: 'deputy_governor',
  h: 'head',
  s: 'secretary',
};

const COMMUNE_TERM = { start: '2022-07-01', end: '2027-06-30' }; // elected 5 June 2022; next 2027
const UPPER_TERM = { start: '2024-06-01', end: '2029-05-31' }; // indirectly elected in 2024
// One councillor of Kaeb sangkat resigned during the mandate and was replaced.
const RESIGNED_ON = '2024-03-31';
const REPLACED_ON = '2024-04-01';

interface DemoOrgan {
  unit: string;
  kind: OrganKind;
  nameKm: string;
  nameEn: string;
  term?: { start: string; end: string };
  /**
   * Members in order, as role letter + sex (c chief, d deputy, m member, g governor,
   * v deputy governor, h head, s secretary; M male, F female); `~` marks a mandate that ended
   * on RESIGNED_ON, `^` one that started on REPLACED_ON.
   */
  members: string;
}

const council = (unit: string, km: string, en: string, members: string, term = COMMUNE_TERM): DemoOrgan => ({
  unit,
  kind: 'council',
  nameKm: `ក្រុមប្រឹក្សា${km}`,
  nameEn: `${en} Council`,
  term,
  members,
});
const board = (unit: string, km: string, en: string, members: string): DemoOrgan => ({
  unit,
  kind: 'board_of_governors',
  nameKm: `គណៈអភិបាល${km}`,
  nameEn: `${en} Board of Governors`,
  members,
});
const wccc = (unit: string, km: string, en: string): DemoOrgan => ({
  unit,
  kind: 'committee',
  nameKm: `គណៈកម្មការប្រឹក្សាយោបល់ស្ត្រី និងកុមារ${km}`,
  nameEn: `${en} Women and Children's Consultative Committee`,
  members: 'hF dM sF mF mM',
});

export const DEMO_ORGANS: readonly DemoOrgan[] = [
  council('23', 'ខេត្តកែប', 'Kep Provincial', 'cM dM dF mM mM mF mM mM mM', UPPER_TERM),
  board('23', 'ខេត្តកែប', 'Kep Provincial', 'gM vM vF vM'),
  wccc('23', 'ខេត្តកែប', 'Kep Provincial'),
  council('2301', 'ស្រុកដំណាក់ចង្អើរ', "Damnak Chang'aeur District", 'cM dM dF mM mM mM mM', UPPER_TERM),
  board('2301', 'ស្រុកដំណាក់ចង្អើរ', "Damnak Chang'aeur District", 'gM vF vM'),
  wccc('2301', 'ស្រុកដំណាក់ចង្អើរ', "Damnak Chang'aeur District"),
  council('2302', 'ក្រុងកែប', 'Kaeb Municipal', 'cM dF dM mM mF mM mM', UPPER_TERM),
  board('2302', 'ក្រុងកែប', 'Kaeb Municipal', 'gM vM vF'),
  wccc('2302', 'ក្រុងកែប', 'Kaeb Municipal'),
  council('230101', 'ឃុំអង្កោល', 'Angkaol Commune', 'cM dM dF mM mM mM mM'),
  council('230103', 'ឃុំពងទឹក', 'Pong Tuek Commune', 'cF dM dM mM mF mM mM'),
  council('230201', 'សង្កាត់កែប', 'Kaeb Sangkat', 'cM dM dM mF mM~ mF^'),
  council('230202', 'សង្កាត់ព្រៃធំ', 'Prey Thum Sangkat', 'cM dM dF mM mM'),
  council('230203', 'សង្កាត់អូរក្រសារ', 'Ou Krasar Sangkat', 'cM dM dM mM mM'),
];

export interface DemoMember {
  nameKm: string;
  nameLatin: string;
  role: MemberRole;
  sex: Sex;
  birthYear: number | null;
  hasDisability: boolean | null;
  isIndigenous: boolean | null;
  party: string | null;
  startDate: string;
  endDate: string | null;
}

/** The members of every demo organ, in DEMO_ORGANS order: deterministic, so tests can count them. */
export function demoMembers(): DemoMember[][] {
  let i = 0;
  return DEMO_ORGANS.map((organ) =>
    organ.members.split(' ').map((code) => {
      const role = ROLE_LETTERS[code[0] ?? ''] ?? 'member';
      const sex: Sex = code[1] === 'F' ? 'female' : 'male';
      const [familyKm, familyLatin] = FAMILY[(i * 7) % FAMILY.length]!;
      const given = GIVEN[sex];
      const [givenKm, givenLatin] = given[(i * 5) % given.length]!;
      const start = code.endsWith('^') ? REPLACED_ON : (organ.term?.start ?? '2024-06-01');
      const member: DemoMember = {
        nameKm: `${familyKm} ${givenKm}`,
        nameLatin: `${familyLatin} ${givenLatin}`,
        role,
        sex,
        birthYear: BIRTH_YEARS[i % BIRTH_YEARS.length] ?? null,
        hasDisability: i % 11 === 3 ? true : i % 13 === 7 ? null : false,
        isIndigenous: i % 9 === 4 ? null : false,
        party: organ.kind === 'council' ? (i % 4 === 1 ? 'Example party B' : 'Example party A') : null,
        startDate: start,
        endDate: code.endsWith('~') ? RESIGNED_ON : null,
      };
      i += 1;
      return member;
    }),
  );
}

interface DemoFunction {
  code: string;
  nameKm: string;
  nameEn: string;
  sector: string;
  holders: string[];
  legalInstrument: string;
  dateAssigned: string;
  transferredFrom: string | null;
}

// Well-known functions of SNAs; the instruments and dates are indicative, to be replaced by the
// official register (hence is_example and source 'example').
const DEMO_FUNCTIONS: readonly DemoFunction[] = [
  {
    code: 'civil_registration',
    nameKm: 'ការចុះបញ្ជីអត្រានុកូលដ្ឋាន',
    nameEn: 'Civil registration (births, marriages, deaths)',
    sector: 'administration',
    holders: ['commune', 'sangkat'],
    legalInstrument: 'Law on Administrative Management of Communes/Sangkats (2001) (example reference)',
    dateAssigned: '2002-03-01',
    transferredFrom: null,
  },
  {
    code: 'solid_waste_management',
    nameKm: 'ការគ្រប់គ្រងសំណល់រឹងនៅទីប្រជុំជន',
    nameEn: 'Urban solid waste collection and management',
    sector: 'environment',
    holders: ['municipality', 'district'],
    legalInstrument: 'Sub-decree on urban solid waste management (example reference)',
    dateAssigned: '2015-08-01',
    transferredFrom: 'Ministry of Environment',
  },
  {
    code: 'primary_education',
    nameKm: 'ការគ្រប់គ្រងមត្តេយ្យសិក្សា និងបឋមសិក្សា',
    nameEn: 'Management of pre-school and primary education',
    sector: 'education',
    holders: ['municipality', 'district'],
    legalInstrument: 'Sub-decree on the transfer of education functions (example reference)',
    dateAssigned: '2020-01-01',
    transferredFrom: 'Ministry of Education, Youth and Sport',
  },
  {
    code: 'beach_public_space',
    nameKm: 'ការគ្រប់គ្រងទីសាធារណៈតាមឆ្នេរសមុទ្រ',
    nameEn: 'Management of public beach spaces (example of a function held by one unit)',
    sector: 'tourism',
    holders: ['2302'],
    legalInstrument: 'Example decision (not an official instrument)',
    dateAssigned: '2021-06-01',
    transferredFrom: 'Ministry of Tourism',
  },
];

export async function seedCouncilsDemo(ctx: CouncilsContext): Promise<void> {
  const { db } = ctx;
  const places = [...new Set(DEMO_ORGANS.map((organ) => organ.unit))];
  const present = await ctx.ports.gazetteer.unitNames(db, places);
  const missing = places.filter((code) => !present.has(code));
  if (missing.length > 0) skipSeed(`the tree lacks unit(s) ${missing.join(', ')} that demo organs sit at`);
  // Demo data is a change like any other: it goes in the audit trail, made by no one.
  const actor = cliActor('demo-seed');
  const members = demoMembers();
  for (const [index, organ] of DEMO_ORGANS.entries()) {
    const row = await insertOrgan(db, {
      unit_code: organ.unit,
      kind: organ.kind,
      name_km: organ.nameKm,
      name_en: organ.nameEn,
      term_start: organ.term?.start ?? null,
      term_end: organ.term?.end ?? null,
      legal_reference: null,
      source: SOURCE,
      is_example: true,
    });
    await ctx.audit.write(db, actor, {
      action: 'councils.organ.create',
      entityType: 'councils.organ',
      entityId: String(row.id),
      unitCode: organ.unit,
      after: { unitCode: organ.unit, kind: organ.kind, nameEn: organ.nameEn, isExample: true },
    });
    const inserted = await insertMembers(
      db,
      (members[index] ?? []).map((member) => ({
        organ_id: row.id,
        name_km: member.nameKm,
        name_latin: member.nameLatin,
        role: member.role,
        sex: member.sex,
        birth_year: member.birthYear,
        has_disability: member.hasDisability,
        is_indigenous: member.isIndigenous,
        party: member.party,
        start_date: member.startDate,
        end_date: member.endDate,
        source: SOURCE,
        is_example: true,
      })),
    );
    for (const member of inserted) {
      await ctx.audit.write(db, actor, {
        action: 'councils.member.create',
        entityType: 'councils.member',
        entityId: String(member.id),
        unitCode: organ.unit,
        after: {
          organId: row.id,
          nameLatin: member.name_latin,
          role: member.role,
          sex: member.sex,
          isExample: true,
        },
      });
    }
  }
  for (const fn of DEMO_FUNCTIONS) {
    for (const holder of fn.holders) {
      const isUnit = /^[0-9]+$/.test(holder);
      const row = await insertFunction(db, {
        code: fn.code,
        name_km: fn.nameKm,
        name_en: fn.nameEn,
        sector: fn.sector,
        holder_type_code: isUnit ? null : holder,
        holder_unit_code: isUnit ? holder : null,
        legal_instrument: fn.legalInstrument,
        date_assigned: fn.dateAssigned,
        transferred_from: fn.transferredFrom,
        source: SOURCE,
        is_example: true,
      });
      await ctx.audit.write(db, actor, {
        action: 'councils.function.create',
        entityType: 'councils.function',
        entityId: String(row.id),
        unitCode: isUnit ? holder : null,
        after: { code: fn.code, holder, isExample: true },
      });
    }
  }
}
