import type { Locator } from 'playwright-core';
import { ShellPage } from './home.page.ts';

/** Chooses a unit in a cascading unit picker, one level after the other. */
async function pickUnit(scope: Locator, code: string): Promise<void> {
  for (let level = 1; level * 2 <= code.length; level += 1) {
    const select = scope.locator(`select[data-level="${level}"]`);
    const value = code.slice(0, level * 2);
    await select.locator(`option[value="${value}"]`).waitFor({ state: 'attached' });
    await select.selectOption(value);
  }
}

export class UsersPage extends ShellPage {
  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/admin/users`, { waitUntil: 'load' });
  }

  /** Waits for the table (or an error) once the request has answered. */
  async waitForList(): Promise<void> {
    await this.page.locator('main table.users-table, main [role="alert"]').first().waitFor();
  }

  async logins(): Promise<string[]> {
    await this.waitForList();
    return this.page
      .locator('main table.users-table tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-login') ?? ''));
  }

  async search(text: string): Promise<void> {
    await this.page.locator('main form[role="search"] input[type="search"]').fill(text);
    await this.page.locator('main form[role="search"] button[type="submit"]').click();
    await this.page.waitForURL((url) => url.searchParams.get('q') === text);
    await this.waitForList();
  }

  async openNewAccountForm(): Promise<void> {
    await this.page.locator('main a[href="/admin/users/new"]').click();
    await this.page.locator('main form input[name="displayName"]').waitFor();
  }

  async createAccount(account: {
    displayName: string;
    email: string;
    unitCode: string;
    password: string;
  }): Promise<void> {
    const form = this.page.locator('main form');
    await form.locator('input[name="displayName"]').fill(account.displayName);
    await form.locator('input[name="email"]').fill(account.email);
    await pickUnit(form.locator('fieldset.unit-picker'), account.unitCode);
    await form.locator('input[name="password"]').fill(account.password);
    await form.locator('button[type="submit"]').click();
    await this.page.waitForURL(/\/admin\/users\/\d+$/);
    // The form's page stays on screen until the account page's code has loaded: wait for the
    // new account's own heading, not just any heading.
    await this.page.locator('main h1', { hasText: account.displayName }).waitFor();
  }
}

export class UserPage extends ShellPage {
  grantForm() {
    return this.page.locator('main form:has(select[name="role"])');
  }

  async grantRole(roleCode: string, unitCode: string): Promise<void> {
    const form = this.grantForm();
    await form.locator(`select[name="role"] option[value="${roleCode}"]`).waitFor({ state: 'attached' });
    await form.locator('select[name="role"]').selectOption(roleCode);
    await pickUnit(form.locator('fieldset.unit-picker'), unitCode);
    await form.locator('button[type="submit"]').click();
    await this.page
      .locator(`main table.assignments tr[data-role="${roleCode}"][data-unit="${unitCode}"]`)
      .waitFor();
  }

  /** The actions in the record's history, newest first, once it shows the expected ones. */
  async historyActions(expected: string[]): Promise<string[]> {
    const items = this.page.locator('main .history-list li');
    for (const action of expected) {
      await this.page.locator(`main .history-list li[data-action="${action}"]`).waitFor();
    }
    return items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-action') ?? ''));
  }
}
