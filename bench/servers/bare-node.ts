/**
 * The baseline: a bare node:http server answering the same URL with the same query through the
 * raw driver (a `pg` pool of the same size, or PGlite directly), no framework, no validation.
 * The schema and data are prepared by the real migrations and seed, so both read the same row.
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import http from 'node:http';
import pg from 'pg';
import type { Database } from '../../api/src/modules.ts';
import { prepareDatabase } from '../../api/src/modules.ts';
import { createDb, PGLITE_PARSERS } from '../../api/src/platform/db/create-db.ts';

const QUERY =
  'select code, level, parent_code as "parentCode", type_code as "typeCode", name_km as "nameKm", ' +
  'name_latin as "nameLatin", is_urban as "isUrban", valid_from as "validFrom", valid_to as "validTo", source ' +
  'from gazetteer_unit where code = $1';

type Run = (code: string) => Promise<unknown[]>;
let run: Run;

if (process.env.DATABASE_URL) {
  const setup = await createDb<Database>({ databaseUrl: process.env.DATABASE_URL });
  await prepareDatabase(setup.kysely as never, { demoData: true, referenceData: 'sample' });
  await setup.close();
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  run = async (code) => (await pool.query<Record<string, unknown>>(QUERY, [code])).rows;
} else {
  // The platform's type parsers (the seed reads dates as 'YYYY-MM-DD' text, as the app does)
  // and its extensions (the unit search's trigram index), as create-db.ts opens PGlite.
  const pglite = await PGlite.create({ parsers: PGLITE_PARSERS, extensions: { pg_trgm } });
  // Prepare the schema through the same code path, then query PGlite directly.
  const { Kysely, PostgresDialect } = await import('kysely');
  const { PGlitePool } = await import('../../api/src/platform/db/pglite-pool.ts');
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new PGlitePool(pglite) as never }),
  });
  await prepareDatabase(kysely as never, { demoData: true, referenceData: 'sample' });
  run = async (code) => (await pglite.query(QUERY, [code])).rows;
}

const PATH = /^\/api\/gazetteer\/units\/(\d{2,8})$/;
const server = http.createServer((request, response) => {
  const match = PATH.exec(request.url ?? '');
  if (!match) {
    response.writeHead(404).end();
    return;
  }
  run(match[1] ?? '').then(
    (rows) => {
      if (rows.length === 0) {
        response.writeHead(404).end();
        return;
      }
      response
        .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
        .end(JSON.stringify(rows[0]));
    },
    () => response.writeHead(500).end(),
  );
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`PORT=${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
