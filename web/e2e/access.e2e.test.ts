/**
 * Accounts and roles, on a desktop and on a phone: a provincial officer of Kep signs in, sees
 * only the accounts of Kep, creates an account at a Kep sangkat, gives it the commune clerk
 * role there and sees both in the record's history; the new person signs in with the first
 * password, must change it, and reaches the home page signed in. A wrong password is refused
 * in Khmer. The sign-in page and the accounts list have no serious accessibility problem, and
 * nothing breaks the server's Content-Security-Policy.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { VIEWPORTS } from './support/browser.ts';
import { accessibilityReport, kmCatalogue, pagePerTest, startJourney } from './support/journey.ts';
import { DEMO_PASSWORD } from './support/server.ts';
import { HomePage } from './pages/home.page.ts';
import { ChangePasswordPage, SignInPage } from './pages/sign-in.page.ts';
import { UserPage, UsersPage } from './pages/users.page.ts';

const kmText = kmCatalogue('web/src/locales/km.json');

const journey = startJourney();

describe.each(VIEWPORTS)('access journey on $name', ({ name, ...device }) => {
  let page: Page;
  pagePerTest(journey, device, (opened) => (page = opened));

  it('refuses a wrong password with the Khmer message', async () => {
    const signIn = new SignInPage(page, journey.baseUrl);
    await signIn.goto();
    expect(await signIn.htmlLang()).toBe('km');
    expect(await signIn.showPassword()).toBe('text');
    await signIn.signIn('kep.clerk@sndd.example', 'not-the-password');
    expect(await signIn.errorText()).toBe(kmText('errors.auth.sign_in.failed'));
    expect(await signIn.signedInName()).toBeNull();
  });

  it('has no serious accessibility problem on the sign-in page and the accounts list', async () => {
    const signIn = new SignInPage(page, journey.baseUrl);
    await signIn.goto();
    const found: string[] = [];
    let problems = await signIn.seriousAccessibilityProblems();
    if (problems.length > 0) found.push(`[sign-in]\n${accessibilityReport(problems)}`);

    await signIn.signIn('kep.province@sndd.example', DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    const users = new UsersPage(page, journey.baseUrl);
    await users.goto();
    await users.waitForList();
    problems = await users.seriousAccessibilityProblems();
    if (problems.length > 0) found.push(`[users]\n${accessibilityReport(problems)}`);
    if (found.length > 0) console.error(found.join('\n'));
    expect(found).toEqual([]);
  });

  it('lets a provincial officer create an account with a role, which the new person then uses', async () => {
    // Signed out, the accounts list leads to the sign-in page, and back to the list after.
    const users = new UsersPage(page, journey.baseUrl);
    await users.goto();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    const signIn = new SignInPage(page, journey.baseUrl);
    await signIn.signIn('kep.province@sndd.example', DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/admin/users');
    expect(await users.signedInName()).toBe('Example Kep provincial officer');

    const logins = await users.logins();
    expect(logins).toContain('kep.clerk@sndd.example');
    expect(logins).not.toContain('admin@sndd.example');
    expect(logins).not.toContain('officer@sndd.example');

    const email = `new.clerk.${name}@sndd.example`;
    const firstPassword = 'first-pass-2026';
    await users.openNewAccountForm();
    await users.createAccount({
      displayName: `New Prey Thum clerk (${name})`,
      email,
      unitCode: '230202',
      password: firstPassword,
    });
    const user = new UserPage(page, journey.baseUrl);
    expect(await user.heading().textContent()).toBe(`New Prey Thum clerk (${name})`);
    await user.grantRole('commune_clerk', '230202');
    const actions = await user.historyActions(['access.user.create', 'access.assignment.grant']);
    expect(actions).toEqual(['access.assignment.grant', 'access.user.create']);

    // The new account is in the list and found by a search.
    await users.goto();
    await users.search(email);
    // The previous page stays on screen while the search runs: wait for the answer.
    await expect.poll(() => users.logins()).toEqual([email]);

    await users.signOut();
    expect(await users.signedInName()).toBeNull();

    // The new person: first password, forced change, then the home page, signed in.
    await signIn.goto();
    await signIn.signIn(email, firstPassword);
    await page.waitForURL((url) => url.pathname === '/account/password');
    const change = new ChangePasswordPage(page, journey.baseUrl);
    await change.waitForHeading(kmText('password.title'));
    await change.change(firstPassword, 'Kep-clerk-own-2026');
    await page.waitForURL((url) => url.pathname === '/');
    const home = new HomePage(page, journey.baseUrl);
    await home.waitForHeading(kmText('home.title'));
    expect(await home.signedInName()).toBe(`New Prey Thum clerk (${name})`);
  });
});
