/**
 * Sign-in costs and throttling, on an in-memory PGlite with the demo data.
 *  1. One sign-in through the whole stack (target 50-250 ms on this machine), against its
 *     floor, one argon2id verification with the same parameters.
 *  2. A brute-force loop against one account for BENCH_BRUTE_SECONDS (default 60), each guess
 *     from a new address as a botnet would: how many guesses got as far as a password check,
 *     per minute, against how many were sent.
 */
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../api/src/app.ts';
import type { Database } from '../api/src/modules.ts';
import { allMigrations, modules, prepareDatabase } from '../api/src/modules.ts';
import {
  ARGON2_OPTIONS,
  DEMO_PASSWORD,
  hashPassword,
  verifyPassword,
} from '../api/src/modules/access/index.ts';
import { createDb } from '../api/src/platform/db/create-db.ts';
import { median, result, smoke, type BenchResult } from './harness.ts';

const BRUTE_SECONDS = Number(process.env.BENCH_BRUTE_SECONDS ?? 60);

export async function run(): Promise<BenchResult[]> {
  const db = await createDb<Database>({});
  await prepareDatabase(db.kysely as never, { demoData: true, referenceData: 'sample' });
  const app = await buildApp({
    config: {
      logLevel: 'silent',
      webDistDir: path.join(os.tmpdir(), 'sndd-no-web-app'),
      rateLimitPerMinute: 1e9,
    },
    db,
    modules,
    migrations: allMigrations(),
    logger: false,
  });
  await app.ready();
  try {
    const hash = await hashPassword(DEMO_PASSWORD);
    const verifications: number[] = [];
    const signIns: number[] = [];
    for (let round = 0; round < (smoke ? 2 : 10); round += 1) {
      let started = performance.now();
      await verifyPassword(hash, DEMO_PASSWORD);
      verifications.push(performance.now() - started);
      started = performance.now();
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { login: 'officer@sndd.example', password: DEMO_PASSWORD },
        remoteAddress: `192.0.2.${round}`,
      });
      signIns.push(performance.now() - started);
      if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
    }
    const signIn = median(signIns);

    let sent = 0;
    let checked = 0;
    const until = performance.now() + BRUTE_SECONDS * 1000;
    while (performance.now() < until) {
      sent += 1;
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { login: 'admin@sndd.example', password: `guess-${sent}` },
        remoteAddress: `198.51.${(sent >> 8) & 255}.${sent & 255}`,
      });
      if (response.statusCode === 401) checked += 1;
      else if (response.statusCode !== 429) throw new Error(`unexpected answer ${response.statusCode}`);
    }
    const minutes = BRUTE_SECONDS / 60;
    return [
      result({
        name: `one sign-in, full stack (argon2id m=${ARGON2_OPTIONS.memoryCost} KiB, t=${ARGON2_OPTIONS.timeCost}, p=${ARGON2_OPTIONS.parallelism})`,
        unit: 'ms',
        figure: signIn,
        baselineName: 'one argon2id verification alone',
        baseline: median(verifications),
        target: { text: '50-250 ms', met: signIn >= 50 && signIn <= 250 },
      }),
      result({
        name: `brute force on one account for ${BRUTE_SECONDS} s: guesses that reached a password check`,
        unit: 'per min',
        figure: checked / minutes,
        baselineName: 'guesses sent',
        baseline: sent / minutes,
        target: { text: '≤ 5 per 15 minutes per account', met: checked <= 5 },
      }),
    ];
  } finally {
    await app.close();
    await db.close();
  }
}
