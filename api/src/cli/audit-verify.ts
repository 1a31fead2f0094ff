/**
 * `npm run audit:verify`: recompute the audit chain of DATABASE_URL, or of PGlite in DATA_DIR.
 * Exit 0: intact (print the last hash, which operators may record elsewhere to detect later
 * truncation); 1: broken, naming the first broken record; 2: the check could not run.
 */
import { sql } from 'kysely';
import { loadConfig } from '../config.ts';
import { verifyAuditChain } from '../platform/audit/audit.ts';
import { createDb } from '../platform/db/create-db.ts';

const REASONS = {
  hash_mismatch: 'hash_mismatch (its fields were changed after it was written)',
  prev_hash_mismatch: 'prev_hash_mismatch (records before it were inserted, removed or reordered)',
  sequence_gap: 'sequence_gap (records before it were removed)',
  sequence_start: 'sequence_start (the first records were removed)',
} as const;

const config = loadConfig();
try {
  const db = await createDb<unknown>({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const table = await sql<{ present: boolean }>`
      select to_regclass('audit_record') is not null as present`.execute(db.kysely);
    if (!table.rows[0]?.present) {
      console.error('There is no audit trail in this database: run `npm run migrate` first.');
      process.exitCode = 2;
    } else {
      const result = await verifyAuditChain(db.kysely);
      if (result.ok) {
        console.log(`Audit chain intact: ${result.count} records, last hash ${result.lastHash}`);
      } else {
        const { seq, reason } = result.firstBroken;
        console.log(`Audit chain BROKEN at record seq=${seq}: ${REASONS[reason]}`);
        console.log(`${result.count} records before it are intact.`);
        process.exitCode = 1;
      }
    }
  } finally {
    await db.close();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 2;
}
