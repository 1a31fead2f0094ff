/**
 * The nightly verification of the audit chain: it records its result once per Cambodian day in
 * the trail itself, auditors read the latest over HTTP, and a second run of the day records
 * nothing more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modules } from '../../modules.ts';
import { wireModules } from '../../platform/wiring.ts';
import { DEMO_PASSWORD, signedIn } from '../../test-support/http.ts';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import type { AuditContext } from './audit.service.ts';
import { checkChainOfDay } from './chain-check.job.ts';

let t: TestApp;
let ctx: AuditContext;
beforeAll(async () => {
  t = await openTestApp();
  ctx = wireModules(t.db.kysely, modules).contextOf('audit') as AuditContext;
}, 120_000);
afterAll(async () => t?.close());

describe('audit.chain_verify', () => {
  it('verifies the chain, records the result once a day, and shows it to auditors', async () => {
    const auditor = await signedIn(t.app, 'auditor@sndd.example', DEMO_PASSWORD);
    expect((await auditor.request('GET', '/api/audit/verify/last')).json()).toEqual({ last: null });

    const first = await checkChainOfDay(ctx, '2031-02-01');
    expect(first.recorded).toBe(true);
    expect(first.result).toMatchObject({ ok: true });
    expect(await checkChainOfDay(ctx, '2031-02-01')).toEqual({ recorded: false });

    const response = await auditor.request('GET', '/api/audit/verify/last');
    expect(response.statusCode).toBe(200);
    const { last } = response.json<{ last: { day: string; result: { ok: boolean; count: number } } }>();
    expect(last.day).toBe('2031-02-01');
    expect(last.result.ok).toBe(true);
    expect(last.result.count).toBeGreaterThan(0);

    // The next day's check sees the previous record in the chain, intact.
    const next = await checkChainOfDay(ctx, '2031-02-02');
    expect(next.result).toMatchObject({ ok: true, count: last.result.count + 1 });

    const officer = await signedIn(t.app, 'officer@sndd.example', DEMO_PASSWORD);
    expect((await officer.request('GET', '/api/audit/verify/last')).statusCode).toBe(403);
  });
});
