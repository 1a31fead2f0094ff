// `npm run test:pg`: the API tests again, on PostgreSQL, in a database created for this run
// and dropped after it. The server comes from DATABASE_URL (its database is only used to
// create and drop the run's own), by default the local one CI machines have.
import { spawnSync } from 'node:child_process';
import pg from 'pg';

const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `sndd_test_${Date.now()}_${process.pid}`;
const runUrl = new URL(serverUrl);
runUrl.pathname = `/${name}`;

async function admin(sql) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

await admin(`create database ${name}`);
console.log(`API tests on PostgreSQL, database ${name}`);
const result = spawnSync('npx', ['vitest', 'run', '--project', 'api', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: runUrl.toString() },
});
await admin(`drop database if exists ${name} with (force)`);
process.exit(result.status ?? 1);
