/** Every API route declares who may call it; one that does not cannot be registered. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modules } from '../../modules.ts';
import { buildAppOver, openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { requiresDeclaration } from './access-control.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp({ demoData: false });
});
afterAll(async () => t.close());

describe('route access declarations', () => {
  it('lists every registered API route with a declaration', () => {
    const apiRoutes = t.app.accessRules.filter(
      (rule) => requiresDeclaration(rule.url) && rule.method !== 'HEAD',
    );
    expect(apiRoutes.length).toBeGreaterThan(15);
    const undeclared = apiRoutes
      .filter((rule) => rule.access === undefined)
      .map((rule) => `${rule.method} ${rule.url}`);
    expect(undeclared).toEqual([]);
    // Each permission named by a route exists in some module's catalogue.
    const known = new Set(
      modules.flatMap((module) => module.permissions ?? []).map((permission) => permission.code),
    );
    for (const rule of apiRoutes) {
      if (typeof rule.access === 'object')
        expect(known, `${rule.method} ${rule.url}`).toContain(rule.access.permission);
    }
  });

  it('refuses to register a route without one', async () => {
    const app = await buildAppOver(t.db);
    expect(() => app.get('/api/forgotten', async () => ({}))).toThrow(/declares no access rule/);
    await app.close();
  });
});
