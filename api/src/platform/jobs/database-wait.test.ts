/**
 * Waiting for the database (database-wait.ts): what counts as "unreachable", the pauses between
 * attempts, giving up after the limit, and no wait for an error that waiting would not mend.
 * The real thing (a worker process before its database exists) is in cli/worker.test.ts.
 */
import net from 'node:net';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import {
  DatabaseWaitExpiredError,
  isDatabaseUnreachable,
  pauseAfter,
  untilDatabaseAnswers,
} from './database-wait.ts';

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5'), { code: 'ECONNREFUSED' });

describe('waiting for the database', () => {
  it('tells an unreachable database from other errors', async () => {
    expect(isDatabaseUnreachable(refused)).toBe(true);
    expect(isDatabaseUnreachable(Object.assign(new Error('starting'), { code: '57P03' }))).toBe(true);
    expect(isDatabaseUnreachable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnreachable(new AggregateError([refused], ''))).toBe(true);
    expect(isDatabaseUnreachable(Object.assign(new Error('bad password'), { code: '28P01' }))).toBe(false);
    expect(isDatabaseUnreachable(Object.assign(new Error('syntax'), { code: '42601' }))).toBe(false);
    expect(isDatabaseUnreachable(null)).toBe(false);

    // What pg itself throws when nothing listens at the address.
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as net.AddressInfo;
        server.close(() => resolve(free));
      });
    });
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'nobody', database: 'none' });
    const error = await client.connect().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  it('pauses 0.5 s doubling to 10 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => pauseAfter(n))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ]);
  });

  it('tries again while the database is unreachable, then answers', async () => {
    const retries: { attempt: number; pauseMs: number }[] = [];
    let calls = 0;
    const answer = await untilDatabaseAnswers(
      async () => {
        calls += 1;
        if (calls < 4) throw refused;
        return 'ready';
      },
      {
        limitSeconds: 60,
        firstPauseMs: 1,
        maxPauseMs: 4,
        onRetry: (_error, attempt, pauseMs) => retries.push({ attempt, pauseMs }),
      },
    );
    expect(answer).toBe('ready');
    expect(retries).toEqual([
      { attempt: 1, pauseMs: 1 },
      { attempt: 2, pauseMs: 2 },
      { attempt: 3, pauseMs: 4 },
    ]);
  });

  it('gives up after the limit with the attempts and the last error', async () => {
    let calls = 0;
    const failure = await untilDatabaseAnswers(
      async () => {
        calls += 1;
        throw refused;
      },
      { limitSeconds: 0, onRetry: () => {} },
    ).catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(DatabaseWaitExpiredError);
    expect((failure as DatabaseWaitExpiredError).attempts).toBe(1);
    expect((failure as Error).message).toContain('ECONNREFUSED');
    expect(calls).toBe(1);
  });

  it('does not wait out an error waiting would not mend', async () => {
    let calls = 0;
    const wrong = Object.assign(new Error('password authentication failed'), { code: '28P01' });
    await expect(
      untilDatabaseAnswers(
        async () => {
          calls += 1;
          throw wrong;
        },
        { limitSeconds: 60, onRetry: () => {} },
      ),
    ).rejects.toBe(wrong);
    expect(calls).toBe(1);
  });
});
