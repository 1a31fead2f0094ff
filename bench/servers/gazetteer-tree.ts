/**
 * The real application over a whole-country-sized administrative tree: 25 provinces × 8
 * districts × 8 communes × 9 villages (16,225 units, the size of the official gazetteer), on
 * the database named by DATABASE_URL or an in-memory PGlite. The tree is synthetic until the
 * official import exists; it is written with plain SQL into gazetteer_unit (the closure
 * triggers fill the closure table) and given one version each, as the import would.
 */
import { sql } from 'kysely';
import { prepareDatabase } from '../../api/src/modules.ts';
import { benchDb, serveForBench } from './app.ts';

const db = await benchDb();
await prepareDatabase(db.kysely as never, { demoData: false, referenceData: 'none' });

// One statement per level, parents first: each row's closure trigger walks up its parents.
// Codes: province 01-25, then 01-08 districts, 01-08 communes, 01-09 villages below each.
const levels = [
  { level: 1, width: 25, type: `case when child = 12 then 'capital' else 'province' end` },
  { level: 2, width: 8, type: `'district'` },
  { level: 3, width: 8, type: `'commune'` },
  { level: 4, width: 9, type: `'village'` },
];
for (const { level, width, type } of levels) {
  const parents =
    level === 1
      ? sql`(select null::text as code) parent`
      : sql`(select code from gazetteer_unit where level = ${level - 1}) parent`;
  await sql`
    insert into gazetteer_unit (code, level, parent_code, type_code, name_km, name_latin, is_urban, source)
    select coalesce(parent.code, '') || lpad(child::text, 2, '0'), ${level}, parent.code, ${sql.raw(type)},
      'ឈ្មោះ ' || coalesce(parent.code, '') || lpad(child::text, 2, '0'),
      'Unit ' || coalesce(parent.code, '') || lpad(child::text, 2, '0'), false, 'synthetic bench tree'
    from ${parents}
    cross join generate_series(1, ${width}) child
    order by 1`.execute(db.kysely);
  // Fresh statistics before the next level: the closure trigger's lookup of the parents
  // would otherwise be planned for an empty table and scan it once per inserted row.
  await sql`analyze gazetteer_unit`.execute(db.kysely);
}
await sql`
  insert into gazetteer_unit_version (code, parent_code, type_code, name_km, name_latin, is_urban, valid_from)
  select code, parent_code, type_code, name_km, name_latin, is_urban, valid_from from gazetteer_unit`.execute(
  db.kysely,
);
await sql`analyze`.execute(db.kysely);

await serveForBench(db);
