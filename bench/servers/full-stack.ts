/**
 * The real application (Fastify, schemas, error handling, compression, request ids, Kysely)
 * on the database named by DATABASE_URL, or on an in-memory PGlite. Logging is at `warn`, as
 * a production deployment that ships request logs elsewhere would run it.
 */
import { prepareDatabase } from '../../api/src/modules.ts';
import { benchDb, serveForBench } from './app.ts';

const db = await benchDb();
await prepareDatabase(db.kysely as never, { demoData: true, referenceData: 'sample' });
await serveForBench(db);
