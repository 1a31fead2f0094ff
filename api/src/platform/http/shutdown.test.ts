/** Closing the server (what SIGTERM does in main.ts) lets in-flight requests finish. */
import { buildAppOver } from '../../test-support/test-app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test-support/test-db.ts';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());

describe('graceful shutdown', () => {
  it('finishes a request in flight, then refuses new connections', async () => {
    const app = await buildAppOver(db);
    let entered!: () => void;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    app.get('/api/test/slow', { config: { access: 'public' } }, async () => {
      entered();
      await new Promise((resolve) => setTimeout(resolve, 400));
      const unit = await db.kysely
        .selectFrom('gazetteer_unit')
        .select('code')
        .where('code', '=', '12')
        .executeTakeFirst();
      return { code: unit?.code };
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });

    const inFlight = fetch(`${address}/api/test/slow`);
    await inHandler;
    const closing = app.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ code: '12' });
    await closing;
    await expect(fetch(`${address}/api/health`)).rejects.toThrow();
  });
});
