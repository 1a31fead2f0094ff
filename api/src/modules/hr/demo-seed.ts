/**
 * Demo data for Kep's district 2302 (where the demo district officer sits) and its sangkat Kaeb
 * 230201 (the councils and plans demos' unit), through the module's own services: an
 * establishment of a few positions, staff with made-up names holding most of them, a clerk and
 * two contract assistants of the sangkat, and an approved establishment per unit type. None of
 * it is official: every row is marked `is_example` and the names say "example" (ឧទាហរណ៍). When
 * the tree lacks the units, the seed skips itself; a seed that fails is one log line and never
 * stops the server (platform/db/seeds.ts).
 */
import { cliActor } from '../../platform/actor.ts';
import { skipSeed } from '../../platform/db/seeds.ts';
import { portDb, type HrContext } from './hr.context.ts';
import type { CreatePersonBody, CreatePositionBody } from './hr.schemas.ts';
import { createPosition, setApprovedEstablishment } from './positions.service.ts';
import { CONTRACT_ASSISTANT, createAssignment, createPerson } from './staff.service.ts';

const DISTRICT = '2302';
const COMMUNE = '230201';

interface DemoPost {
  unit: string;
  position: CreatePositionBody;
  holder?: Omit<CreatePersonBody, 'employment'> & { employment?: CreatePersonBody['employment'] };
}

const civil = (grade: string, category = `cs_${grade[0]}`) => ({
  kind: 'civil_servant' as const,
  categoryCode: category,
  gradeCode: grade,
  startDate: '2019-01-01',
});

const POSTS: DemoPost[] = [
  {
    unit: DISTRICT,
    position: {
      organ: 'board_support',
      titleKm: 'អភិបាលរង (ឧទាហរណ៍)',
      titleEn: 'Deputy governor (example)',
      categoryCode: 'cs_a',
      gradeCode: 'a1',
      level: 'leadership',
      fundingSource: 'national_budget',
    },
    holder: {
      nameKm: 'ឧទាហរណ៍ សុខ ចន្ធា',
      nameLatin: 'Example Sok Chantha',
      sex: 'female',
      birthDate: '1978-03-14',
    },
  },
  {
    unit: DISTRICT,
    position: {
      organ: 'administration',
      titleKm: 'នាយករដ្ឋបាល (ឧទាហរណ៍)',
      titleEn: 'Director of administration (example)',
      categoryCode: 'cs_a',
      gradeCode: 'a2',
      level: 'leadership',
      fundingSource: 'national_budget',
    },
    holder: {
      nameKm: 'ឧទាហរណ៍ ជា វិបុល',
      nameLatin: 'Example Chea Vibol',
      sex: 'male',
      birthDate: '1975-09-02',
    },
  },
  {
    unit: DISTRICT,
    position: {
      organ: 'administration',
      titleKm: 'ប្រធានការិយាល័យផែនការ និងវិនិយោគ (ឧទាហរណ៍)',
      titleEn: 'Chief, planning and investment office (example)',
      categoryCode: 'cs_a',
      gradeCode: 'a3',
      level: 'management',
      functionCode: 'planning',
      fundingSource: 'national_budget',
    },
    holder: {
      nameKm: 'ឧទាហរណ៍ លី សុភា',
      nameLatin: 'Example Ly Sophea',
      sex: 'female',
      birthDate: '1986-11-20',
    },
  },
  {
    unit: DISTRICT,
    position: {
      organ: 'administration',
      titleKm: 'ប្រធានការិយាល័យរដ្ឋបាល និងហិរញ្ញវត្ថុ (ឧទាហរណ៍)',
      titleEn: 'Chief, administration and finance office (example)',
      categoryCode: 'cs_b',
      gradeCode: 'b1',
      level: 'management',
      fundingSource: 'sna_budget',
    },
    holder: {
      nameKm: 'ឧទាហរណ៍ ហេង ដារ៉ា',
      nameLatin: 'Example Heng Dara',
      sex: 'male',
      birthDate: '1982-05-07',
    },
  },
  {
    unit: DISTRICT,
    position: {
      organ: 'administration',
      titleKm: 'មន្ត្រីច្រកចេញចូលតែមួយ (ឧទាហរណ៍)',
      titleEn: 'One-window service officer (example)',
      categoryCode: 'cs_b',
      gradeCode: 'b2',
      level: 'staff',
      fundingSource: 'sna_budget',
      maxOccupants: 2,
    },
    holder: {
      nameKm: 'ឧទាហរណ៍ ម៉ៅ ស្រីនាង',
      nameLatin: 'Example Mao Sreyneang',
      sex: 'female',
      birthDate: '1995-01-30',
      hasDisability: true,
    },
  },
  {
    unit: DISTRICT,
    position: {
      organ: 'administration',
      titleKm: 'មន្ត្រីគណនេយ្យ (ឧទាហរណ៍)',
      titleEn: 'Accounting officer (example)',
      categoryCode: 'cs_c',
      gradeCode: 'c1',
      level: 'staff',
      fundingSource: 'sna_budget',
    },
  },
  {
    unit: COMMUNE,
    position: {
      organ: 'clerk_office',
      titleKm: 'ស្មៀនសង្កាត់ (ឧទាហរណ៍)',
      titleEn: 'Sangkat clerk (example)',
      categoryCode: 'cs_b',
      gradeCode: 'b1',
      level: 'management',
      fundingSource: 'national_budget',
    },
    holder: {
      nameKm: 'ឧទាហរណ៍ ទេព សុវណ្ណ',
      nameLatin: 'Example Tep Sovann',
      sex: 'male',
      birthDate: '1980-07-15',
    },
  },
  {
    unit: COMMUNE,
    position: {
      organ: 'clerk_office',
      titleKm: 'ជំនួយការស្មៀន (កិច្ចសន្យា ឧទាហរណ៍)',
      titleEn: 'Clerk’s assistant (contract, example)',
      categoryCode: CONTRACT_ASSISTANT,
      level: 'staff',
      fundingSource: 'commune_fund',
      maxOccupants: 2,
    },
    holder: {
      nameKm: 'ឧទាហរណ៍ ណុប ស្រីមុំ',
      nameLatin: 'Example Nob Sreymom',
      sex: 'female',
      birthDate: '1998-04-22',
      employment: { kind: 'contract', categoryCode: CONTRACT_ASSISTANT, startDate: '2026-01-01' },
    },
  },
];

export async function seedHrDemo(ctx: HrContext): Promise<void> {
  const actor = cliActor('demo-seed');
  for (const code of [DISTRICT, COMMUNE]) {
    if (!(await ctx.ports.gazetteer.unitExists(portDb(ctx.db), code)))
      skipSeed(`unit ${code} is not in the tree`);
  }
  const example = { isExample: true };
  const year = Number(ctx.today().slice(0, 4));
  const unitTypes = await Promise.all(
    [DISTRICT, COMMUNE].map(
      async (code) => (await ctx.ports.gazetteer.getCurrentUnit(portDb(ctx.db), code)).typeCode,
    ),
  );
  for (const [index, unitTypeCode] of unitTypes.entries()) {
    await setApprovedEstablishment(ctx, actor, {
      ...example,
      unitTypeCode,
      year,
      body: { approvedCount: index === 0 ? 40 : 4, source: 'Example figure, not an official establishment' },
    });
  }
  for (const post of POSTS) {
    const position = await createPosition(ctx, actor, {
      ...example,
      unitCode: post.unit,
      body: post.position,
    });
    if (post.holder === undefined) continue;
    const { employment, ...person } = post.holder;
    const created = await createPerson(ctx, actor, {
      ...example,
      unitCode: post.unit,
      body: { ...person, employment: employment ?? civil(post.position.gradeCode ?? 'c1') },
    });
    await createAssignment(ctx, actor, {
      ...example,
      positionId: position.id,
      body: { personId: created.id, kind: 'substantive', startDate: employment?.startDate ?? '2019-01-01' },
    });
  }
}
