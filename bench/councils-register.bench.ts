/**
 * The national register of decisions (#15 targets), on PostgreSQL: 1,887 councils × 5 years ×
 * 40 decisions ≈ 377,000 decisions (BENCH_REGISTER_COUNCILS, BENCH_REGISTER_YEARS,
 * BENCH_REGISTER_PER_YEAR), generated set-based with SQL (generate_series): each council meets
 * ten times a year and takes four decisions at each meeting, numbered 1-40 in its year. Titles
 * are made from 40 subjects (the budget, a road, a well…) and 60 village names, in Khmer and in
 * English, so a subject word matches 1 decision in 40 and a subject with a village about 1 in
 * 2,400, as a real register would answer a citizen's search.
 *
 * Figures (p95 of sequential requests over HTTP, the real application, after a warm-up):
 *   - GET /api/councils/decisions?q=… across the country, Khmer and English queries in turn
 *     (target < 20 ms);
 *   - a council's page of the register, GET /api/councils/decisions?unit=…&organ=… (first page
 *     of 50, latest first), for councils drawn at random (target < 15 ms).
 * Baselines, in the same run: the same page (50 rows and the total) by one hand-written SQL
 * statement over the same tables, sent straight to PostgreSQL, timed the same way.
 */
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../api/src/modules.ts';
import { prepareDatabase } from '../api/src/modules.ts';
import { createDb } from '../api/src/platform/db/create-db.ts';
import {
  type BenchResult,
  createBenchDatabase,
  dropBenchDatabase,
  median,
  percentile,
  result,
  smoke,
} from './harness.ts';
import { listenForBench } from './servers/app.ts';

const COUNCILS = Number(process.env.BENCH_REGISTER_COUNCILS ?? 1887);
const YEARS = Number(process.env.BENCH_REGISTER_YEARS ?? 5);
const PER_YEAR = Number(process.env.BENCH_REGISTER_PER_YEAR ?? 40);
const REQUESTS = Number(process.env.BENCH_REGISTER_REQUESTS ?? (smoke ? 5 : 200));
const SEARCH_TARGET_MS = 20;
const PAGE_TARGET_MS = 15;
const FIRST_YEAR = 2022;

/** 40 subjects of a council's decisions, Khmer and English. */
const SUBJECTS: [string, string][] = [
  ['អនុម័តថវិកា', 'Approve the budget'],
  ['កែសម្រួលថវិកា', 'Adjust the budget'],
  ['របាយការណ៍អនុវត្តថវិកា', 'Budget execution report'],
  ['ផែនការអភិវឌ្ឍន៍', 'Development plan'],
  ['កម្មវិធីវិនិយោគ', 'Investment program'],
  ['ជួសជុលផ្លូវ', 'Road repair'],
  ['សាងសង់ស្ពាន', 'Bridge construction'],
  ['អណ្ដូងទឹកស្អាត', 'Clean water well'],
  ['ប្រព័ន្ធធារាសាស្ត្រ', 'Irrigation canal'],
  ['បង្គន់អនាម័យ', 'Latrines'],
  ['សាលារៀន', 'School building'],
  ['មណ្ឌលសុខភាព', 'Health centre'],
  ['ការប្រមូលសំរាម', 'Waste collection'],
  ['ភ្លើងបំភ្លឺផ្លូវ', 'Street lighting'],
  ['ទីផ្សារ', 'Market stalls'],
  ['សន្តិសុខភូមិ', 'Village security'],
  ['ការការពារទឹកជំនន់', 'Flood protection'],
  ['ការគ្រប់គ្រងគ្រោះមហន្តរាយ', 'Disaster management'],
  ['សុខុមាលភាពកុមារ', 'Child welfare'],
  ['គណៈកម្មការស្ត្រីនិងកុមារ', 'Women and children committee'],
  ['ការតែងតាំងមន្ត្រី', 'Appointment of officials'],
  ['ការផ្ទេរមុខងារ', 'Transfer of functions'],
  ['ថ្លៃសេវា', 'Service fees'],
  ['ចំណូលផ្ទាល់', 'Own-source revenue'],
  ['ការជួលទ្រព្យសម្បត្តិ', 'Lease of property'],
  ['លទ្ធកម្ម', 'Procurement'],
  ['កិច្ចសន្យាសាងសង់', 'Construction contract'],
  ['ការចុះបញ្ជីអត្រានុកូលដ្ឋាន', 'Civil registration'],
  ['ដីសាធារណៈ', 'Public land'],
  ['ព្រៃសហគមន៍', 'Community forest'],
  ['នេសាទសហគមន៍', 'Community fishery'],
  ['កសិកម្ម', 'Agriculture extension'],
  ['វេទិកាសាធារណៈ', 'Public forum'],
  ['ការត្រួតពិនិត្យរដ្ឋបាល', 'Oversight of the administration'],
  ['បទបញ្ជាផ្ទៃក្នុង', 'Internal rules'],
  ['ផែនការប្រចាំឆ្នាំ', 'Annual work plan'],
  ['ការបណ្ដុះបណ្ដាល', 'Training of staff'],
  ['បរិស្ថាន', 'Environment protection'],
  ['ការឆ្លើយតបនឹងសំណើប្រជាពលរដ្ឋ', 'Answer to citizens’ requests'],
  ['សហប្រតិបត្តិការឃុំ', 'Inter-commune cooperation'],
];

/** 60 village names (examples, not a gazetteer), Khmer and romanised. */
const VILLAGES: [string, string][] = Array.from({ length: 60 }, (_, index) => {
  const km = ['ព្រៃ', 'ទួល', 'ត្រពាំង', 'ស្វាយ', 'ក្រសាំង', 'ចំការ'][index % 6]!;
  const kmTail = ['ថ្មី', 'ចាស់', 'ធំ', 'តូច', 'លើ', 'ក្រោម', 'កណ្ដាល', 'ខាងកើត', 'ខាងលិច', 'ជ្រៅ'][
    Math.floor(index / 6)
  ]!;
  const en = ['Prey', 'Tuol', 'Trapeang', 'Svay', 'Krasang', 'Chamkar'][index % 6]!;
  const enTail = [
    'Thmei',
    'Chas',
    'Thom',
    'Toch',
    'Leu',
    'Kraom',
    'Kandal',
    'Khang Kaeut',
    'Khang Lech',
    'Chrov',
  ][Math.floor(index / 6)]!;
  return [`${km}${kmTail}`, `${en} ${enTail}`];
});

/** The queries a citizen types: a subject word, or a subject and a village, in each language. */
const QUERIES = [
  'ស្ពាន',
  'bridge',
  'អណ្ដូងទឹកស្អាត',
  'water well',
  'ផ្លូវ ព្រៃថ្មី',
  'road Prey Thmei',
  'ធារាសាស្ត្រ ទួលធំ',
  'irrigation Tuol Thom',
  'ថ្លៃសេវា',
  'service fees',
];

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Organs, meetings and decisions, with SQL only, in one transaction (one random seed). */
async function seedRegister(db: Kysely<unknown>): Promise<void> {
  const subjects = JSON.stringify(SUBJECTS);
  const villages = JSON.stringify(VILLAGES);
  await db.transaction().execute(async (trx) => {
    await sql`set local statement_timeout = 0`.execute(trx);
    await sql`select setseed(0.15)`.execute(trx);
    // Councils at made-up commune codes (province, district, commune), as examples.
    await sql`
      insert into councils_organ (unit_code, kind, name_km, name_en, term_start, source, is_example)
      select code, 'council', 'ក្រុមប្រឹក្សាឃុំ ' || code, 'Commune council ' || code, '2022-07-01',
        'synthetic bench data', true
      from (
        select lpad(p::text, 2, '0') || lpad(d::text, 2, '0') || lpad(c::text, 2, '0') as code,
          row_number() over (order by p, d, c) as n
        from generate_series(1, 25) p, generate_series(1, 9) d, generate_series(1, 9) c
      ) u
      where n <= ${COUNCILS}`.execute(trx);
    // Ten meetings a year per council, the 10th of each month from February to November.
    await sql`
      insert into councils_meeting (organ_id, kind, meeting_date, place, status, is_example)
      select o.id, 'ordinary', make_date(${FIRST_YEAR} + y, 1 + m, 10), 'Commune hall', 'closed', true
      from councils_organ o, generate_series(0, ${YEARS - 1}) y, generate_series(1, ${Math.ceil(PER_YEAR / 4)}) m
      where o.source = 'synthetic bench data'`.execute(trx);
    await sql`
      insert into councils_decision (organ_id, meeting_id, decision_year, number, decision_date, kind,
        title_km, title_en, vote_mode, votes_for, votes_against, votes_abstain, members_in_office,
        members_present, quorum_met, passed, is_example)
      with meeting as (
        select m.id, m.organ_id, m.meeting_date,
          row_number() over (partition by m.organ_id, extract(year from m.meeting_date) order by m.meeting_date) as k
        from councils_meeting m join councils_organ o on o.id = m.organ_id
        where o.source = 'synthetic bench data'
      ),
      drawn as (
        select mt.*, (mt.k - 1) * 4 + j as number, floor(random() * 40)::int as subject,
          floor(random() * 60)::int as village, random() as r
        from meeting mt, generate_series(1, 4) j
        where (mt.k - 1) * 4 + j <= ${PER_YEAR}
      )
      select organ_id, id, extract(year from meeting_date)::int, number, meeting_date,
        case subject when 0 then 'approve_budget' when 3 then 'approve_plan' else 'other' end,
        (${subjects}::jsonb -> subject ->> 0) || ' ភូមិ' || (${villages}::jsonb -> village ->> 0),
        (${subjects}::jsonb -> subject ->> 1) || ', ' || (${villages}::jsonb -> village ->> 1) || ' village',
        'tally', case when r < 0.9 then 7 else 3 end, case when r < 0.9 then 1 else 5 end, 1, 11, 9, true, r < 0.9, true
      from drawn`.execute(trx);
  });
  await sql`analyze`.execute(db);
}

/** The hand-written statement a DBA would write for the same page: 50 rows and the total. */
async function directPage(client: pg.Client, where: string, params: unknown[]): Promise<void> {
  await client.query(
    `select d.*, o.unit_code, o.kind as organ_kind, o.name_km, o.name_en, count(*) over () as total
     from councils_decision d join councils_organ o on o.id = d.organ_id
     where ${where} order by d.decision_date desc, d.id desc limit 50`,
    params,
  );
}

const escapeLike = (word: string) => `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

export async function run(): Promise<BenchResult[]> {
  const url = await createBenchDatabase('sndd_bench_register');
  if (!url) {
    console.warn('  PostgreSQL not reachable (set DATABASE_URL): skipping the register benchmark');
    return [];
  }
  const db = await createDb<Database>({ databaseUrl: url, poolMax: 10 });
  const client = new pg.Client({ connectionString: url });
  try {
    await prepareDatabase(db.kysely as never, { demoData: false, referenceData: 'none' });
    const seedStarted = performance.now();
    await seedRegister(db.kysely as unknown as Kysely<unknown>);
    const counts = await sql<{ organs: number; decisions: number }>`
      select (select count(*)::int from councils_organ) as organs,
        (select count(*)::int from councils_decision) as decisions`.execute(db.kysely);
    const { organs, decisions } = counts.rows[0]!;
    console.log(
      `  seeded ${organs} councils and ${decisions} decisions in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );
    const councils = (
      await sql<{
        id: number;
        unit_code: string;
      }>`select id, unit_code from councils_organ order by id`.execute(db.kysely)
    ).rows;
    await client.connect();
    const { app, port } = await listenForBench(db);
    try {
      const base = `http://127.0.0.1:${port}/api/councils/decisions`;
      const get = async (query: string) => {
        const response = await fetch(`${base}?${query}`);
        if (response.status !== 200) throw new Error(`${query} answered ${response.status}`);
        return (await response.json()) as { total: number; items: unknown[] };
      };
      // The answers are checked before their speed means anything.
      for (const q of QUERIES) {
        const answer = await get(`q=${encodeURIComponent(q)}&pageSize=50`);
        // A subject and a village match about 1 decision in 2,400: too few for the smoke's sizes.
        if (answer.total === 0 && (!smoke || !q.includes(' ')))
          throw new Error(`the search ${q} found nothing`);
      }
      const hits = await Promise.all(
        QUERIES.map(async (q) => `${q}: ${(await get(`q=${encodeURIComponent(q)}&pageSize=50`)).total}`),
      );
      console.log(`  matches: ${hits.join('; ')}`);

      const searchQuery = (i: number) => `q=${encodeURIComponent(QUERIES[i % QUERIES.length]!)}&pageSize=50`;
      const council = (i: number) => councils[(i * 7919) % councils.length]!;
      const pageQuery = (i: number) => `unit=${council(i).unit_code}&organ=${council(i).id}&pageSize=50`;
      const directSearch = (i: number) => {
        const words = QUERIES[i % QUERIES.length]!.split(/\s+/);
        const where = words
          .map((_, n) => `(d.title_km like $${n + 1} or lower(d.title_en) like lower($${n + 1}))`)
          .join(' and ');
        return directPage(client, where, words.map(escapeLike));
      };
      const directCouncil = (i: number) =>
        directPage(client, 'o.unit_code = $1 and d.organ_id = $2', [council(i).unit_code, council(i).id]);

      const measure = async (work: (i: number) => Promise<unknown>) => {
        for (let i = 0; i < Math.min(20, REQUESTS); i += 1) await work(i);
        const times: number[] = [];
        for (let i = 0; i < REQUESTS; i += 1) times.push(await timed(() => work(i)));
        return times;
      };
      const search = await measure((i) => get(searchQuery(i)));
      const searchSql = await measure(directSearch);
      const page = await measure((i) => get(pageQuery(i)));
      const pageSql = await measure(directCouncil);
      const label = `${decisions} decisions of ${organs} councils, p95 of ${REQUESTS}, PostgreSQL`;
      return [
        result({
          name: `GET /api/councils/decisions?q= (Khmer and English in turn), ${label}`,
          unit: 'ms',
          figure: percentile(search, 95),
          baselineName: 'the same page by one hand-written SQL statement (p95)',
          baseline: percentile(searchSql, 95),
          target: { text: `< ${SEARCH_TARGET_MS} ms`, met: percentile(search, 95) < SEARCH_TARGET_MS },
        }),
        result({
          name: `GET /api/councils/decisions?unit=&organ= (a council's page of 50), ${label}`,
          unit: 'ms',
          figure: percentile(page, 95),
          baselineName: 'the same page by one hand-written SQL statement (p95)',
          baseline: percentile(pageSql, 95),
          target: { text: `< ${PAGE_TARGET_MS} ms`, met: percentile(page, 95) < PAGE_TARGET_MS },
        }),
        result({
          name: `the same search, p50`,
          unit: 'ms',
          figure: median(search),
          baselineName: 'hand-written SQL (p50)',
          baseline: median(searchSql),
        }),
        result({
          name: `the same council's page, p50`,
          unit: 'ms',
          figure: median(page),
          baselineName: 'hand-written SQL (p50)',
          baseline: median(pageSql),
        }),
      ];
    } finally {
      await app.close();
    }
  } finally {
    await client.end().catch(() => {});
    await db.close();
    await dropBenchDatabase(url);
  }
}
