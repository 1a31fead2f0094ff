/**
 * Demo data for Kep's sangkat Kaeb (230201), through the module's own services: a development
 * plan for the 2023-2027 mandate (reviewed, awaiting the council), needs from two village
 * meetings, two priorities traced to them, and three projects of the 2027-2029 investment
 * program. None of it is official: every row is marked `is_example`, and the texts say
 * "example" (ឧទាហរណ៍). When the tree lacks the sangkat, the seed skips itself; a seed that
 * fails is one log line and never stops the server (platform/db/seeds.ts).
 */
import { cliActor } from '../../platform/actor.ts';
import { skipSeed } from '../../platform/db/seeds.ts';
import { createNeed, createPriority } from './needs.service.ts';
import { portDb, type PlansContext } from './plans.context.ts';
import { createPlan, setPlanStatus } from './plans.service.ts';
import { createProject, setProjectStatus } from './projects.service.ts';

const UNIT = '230201';
const VILLAGES = ['23020101', '23020102'];

export async function seedPlansDemo(ctx: PlansContext): Promise<void> {
  const actor = cliActor('demo-seed');
  for (const code of [UNIT, ...VILLAGES]) {
    if (!(await ctx.ports.gazetteer.unitExists(portDb(ctx.db), code)))
      skipSeed(`unit ${code} is not in the tree`);
  }
  const example = { isExample: true };
  const plan = await createPlan(ctx, actor, {
    ...example,
    unitCode: UNIT,
    body: {
      firstYear: 2023,
      lastYear: 2027,
      visionKm: 'ឧទាហរណ៍៖ សង្កាត់កែបមានផ្លូវល្អ ទឹកស្អាត និងសេវាសាធារណៈល្អសម្រាប់ប្រជាពលរដ្ឋទាំងអស់',
      visionEn: 'Example: Kaeb sangkat with good roads, clean water and good public services for everyone',
      goals: [
        {
          sectorCode: 'economic',
          textKm: 'ឧទាហរណ៍៖ ផ្លូវលំជនបទប្រើបានគ្រប់រដូវ',
          textEn: 'Example: rural roads usable in every season',
        },
        {
          sectorCode: 'social',
          textKm: 'ឧទាហរណ៍៖ គ្រួសារទាំងអស់ទទួលបានទឹកស្អាត',
          textEn: 'Example: every household has clean water',
        },
        {
          sectorCode: 'gender',
          textKm: 'ឧទាហរណ៍៖ ស្ត្រីចូលរួមក្នុងការសម្រេចចិត្ត',
          textEn: 'Example: women take part in decisions',
        },
      ],
      indicators: [
        {
          sectorCode: 'social',
          nameKm: 'ឧទាហរណ៍៖ ភាគរយគ្រួសារដែលមានទឹកស្អាត',
          nameEn: 'Example: share of households with clean water',
          measure: '%',
          baseline: 62,
          baselineYear: 2022,
          targets: [
            { year: 2023, target: 65 },
            { year: 2025, target: 75 },
            { year: 2027, target: 85 },
          ],
        },
      ],
      calendar: [
        {
          stepKm: 'ឧទាហរណ៍៖ កិច្ចប្រជុំភូមិ',
          stepEn: 'Example: village meetings',
          owner: 'ឧទាហរណ៍៖ មេភូមិ / Example: village chiefs',
          startDate: '2026-08-01',
          endDate: '2026-08-31',
        },
        {
          stepKm: 'ឧទាហរណ៍៖ សិក្ខាសាលាផ្សារភ្ជាប់',
          stepEn: 'Example: district integration workshop',
          owner: 'ឧទាហរណ៍៖ រដ្ឋបាលក្រុង / Example: municipal administration',
          startDate: '2026-11-20',
          endDate: '2026-11-21',
        },
      ],
    },
  });
  await setPlanStatus(ctx, actor, { id: plan.id, body: { status: 'reviewed' } });

  const road = await createNeed(ctx, actor, {
    ...example,
    unitCode: UNIT,
    body: {
      villageCode: VILLAGES[0]!,
      meetingDate: '2026-08-12',
      needText:
        'ឧទាហរណ៍៖ ជួសជុលផ្លូវលំពីភូមិទៅសាលារៀន / Example: repair the earth road from the village to the school',
      sectorCode: 'economic',
      attendeesFemale: 34,
      attendeesMale: 28,
      vulnerableGroups: ['women', 'children', 'elderly'],
    },
  });
  const water = await createNeed(ctx, actor, {
    ...example,
    unitCode: UNIT,
    body: {
      villageCode: VILLAGES[1]!,
      meetingDate: '2026-08-14',
      needText: 'ឧទាហរណ៍៖ អណ្ដូងទឹកស្អាតសម្រាប់គ្រួសារក្រីក្រ / Example: clean-water wells for poor households',
      sectorCode: 'social',
      attendeesFemale: 41,
      attendeesMale: 22,
      vulnerableGroups: ['women', 'poor', 'disabled'],
    },
  });
  const first = await createPriority(ctx, actor, {
    ...example,
    unitCode: UNIT,
    body: {
      year: 2027,
      rank: 1,
      titleKm: 'ឧទាហរណ៍៖ ផ្លូវក្រួសក្រហម ១,២ គ.ម',
      titleEn: 'Example: 1.2 km laterite road',
      sectorCode: 'economic',
      reason: 'ឧទាហរណ៍៖ សិស្សមិនអាចទៅសាលារៀនក្នុងរដូវវស្សា / Example: pupils cannot reach school in the rainy season',
      needIds: [road.id],
    },
  });
  await createPriority(ctx, actor, {
    ...example,
    unitCode: UNIT,
    body: {
      year: 2027,
      rank: 2,
      titleKm: 'ឧទាហរណ៍៖ អណ្ដូងស្នប់ ៤',
      titleEn: 'Example: 4 pump wells',
      sectorCode: 'social',
      reason: 'ឧទាហរណ៍៖ គ្រួសារក្រីក្រដើរឆ្ងាយដើម្បីយកទឹក / Example: poor households walk far for water',
      needIds: [water.id],
    },
  });
  const roadProject = await createProject(ctx, actor, {
    ...example,
    unitCode: UNIT,
    body: {
      titleKm: 'ឧទាហរណ៍៖ សាងសង់ផ្លូវក្រួសក្រហម',
      titleEn: 'Example: laterite road construction',
      sectorCode: 'economic',
      kind: 'infrastructure',
      outputText: 'ឧទាហរណ៍៖ ផ្លូវក្រួសក្រហម / Example: laterite road',
      outputQuantity: 1.2,
      outputUnit: 'km',
      locations: [VILLAGES[0]!],
      costs: [
        {
          year: 2027,
          total: 120_000_000,
          sources: [
            { fundSource: 'commune_fund', amount: 100_000_000 },
            { fundSource: 'citizens', amount: 20_000_000 },
          ],
        },
      ],
      genderMarker: true,
      genderReason: 'ឧទាហរណ៍៖ ស្ត្រី និងកុមារធ្វើដំណើរដោយសុវត្ថិភាព / Example: women and children travel safely',
      climateMarker: 'adaptation',
      climateReason: 'ឧទាហរណ៍៖ ផ្លូវខ្ពស់ជាងកម្រិតទឹកជំនន់ / Example: road raised above flood level',
      priorityId: first.id,
    },
  });
  await setProjectStatus(ctx, actor, { id: roadProject.id, body: { status: 'committed' } });
  await createProject(ctx, actor, {
    ...example,
    unitCode: UNIT,
    body: {
      titleKm: 'ឧទាហរណ៍៖ អណ្ដូងស្នប់',
      titleEn: 'Example: pump wells',
      sectorCode: 'social',
      kind: 'infrastructure',
      outputText: 'ឧទាហរណ៍៖ អណ្ដូង / Example: wells',
      outputQuantity: 4,
      outputUnit: 'wells',
      locations: [VILLAGES[1]!],
      costs: [
        { year: 2027, total: 16_000_000, sources: [{ fundSource: 'ngo', amount: 16_000_000 }] },
        {
          year: 2028,
          total: 16_000_000,
          sources: [
            { fundSource: 'commune_fund', amount: 8_000_000 },
            { fundSource: 'ngo', amount: 8_000_000 },
          ],
        },
      ],
      genderMarker: true,
      genderReason: 'ឧទាហរណ៍៖ ស្ត្រីលែងដើរឆ្ងាយយកទឹក / Example: women no longer walk far for water',
      climateMarker: 'none',
      climateReason: null,
    },
  });
  await createProject(ctx, actor, {
    ...example,
    unitCode: UNIT,
    body: {
      titleKm: 'ឧទាហរណ៍៖ វគ្គបណ្ដុះបណ្ដាលសុខភាពមាតា និងទារក',
      titleEn: 'Example: mother and child health sessions',
      sectorCode: 'social',
      kind: 'service',
      outputText: 'ឧទាហរណ៍៖ វគ្គ / Example: sessions',
      outputQuantity: 12,
      outputUnit: 'sessions',
      locations: [UNIT],
      costs: [
        { year: 2028, total: 6_000_000, sources: [{ fundSource: 'commune_fund', amount: 6_000_000 }] },
        { year: 2029, total: 6_000_000, sources: [{ fundSource: 'commune_fund', amount: 6_000_000 }] },
      ],
      genderMarker: true,
      genderReason: 'ឧទាហរណ៍៖ សម្រាប់ម្ដាយ និងកុមារ / Example: for mothers and children',
      climateMarker: 'none',
      climateReason: null,
    },
  });
}
