import { ShellPage } from './home.page.ts';

/**
 * The officers' pages that manage service standards: the list (/services/manage), the form
 * for a new standard or a new version, the offerings and the versions of one standard.
 */
export class ServicesAdminPage extends ShellPage {
  form() {
    return this.page.locator('main form.svc-admin__form');
  }

  async gotoList(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/services/manage`, { waitUntil: 'load' });
    await this.page.locator('main .svc-admin form.svc-admin__search').waitFor();
  }

  /** The "new standard" button of the list, then the empty form. */
  async openNew(): Promise<void> {
    await this.page.locator('main a.svc-admin__new').click();
    await this.page.waitForURL((url) => url.pathname === '/services/manage/new');
    await this.page.locator('main form.svc-admin__form[data-mode="create"]').waitFor();
  }

  /** An input, text area or select of the form by its name, inside a row when one is given. */
  input(name: string, row?: string) {
    const scope = row ? this.form().locator(row) : this.form();
    return scope.locator(`[name="${name}"]`).first();
  }

  async fill(values: Record<string, string>, row?: string): Promise<void> {
    for (const [name, value] of Object.entries(values)) {
      const input = this.input(name, row);
      if ((await input.evaluate((element) => element.tagName)) === 'SELECT') await input.selectOption(value);
      else await input.fill(value);
    }
  }

  /** Presses an "add" button of the form (fee, document, field, value) inside a row if given. */
  async add(kind: 'fee' | 'document' | 'field' | 'value', row?: string): Promise<void> {
    const scope = row ? this.form().locator(row) : this.form();
    await scope.locator(`button[data-add="${kind}"]`).click();
  }

  /** Sends the form and waits for the page to answer: the standard's edit page or an error. */
  async submit(): Promise<void> {
    await this.form().locator('button[type="submit"]').click();
  }

  /** The stable code and the message of the API's refusal shown under the form. */
  async refusal(): Promise<{ code: string | null; text: string }> {
    const error = this.page.locator('main .svc-admin__error');
    await error.waitFor();
    return {
      code: await error.getAttribute('data-code'),
      text: (await error.locator('.error-message p').first().textContent())?.trim() ?? '',
    };
  }

  /** Waits for the edit page of a standard in a version, with its success note if given. */
  async waitForStandard(code: string, version: number, saved?: 'created' | 'revised'): Promise<void> {
    await this.page.waitForURL((url) => url.pathname === `/services/manage/${code}`);
    await this.page
      .locator(`main .svc-admin__edit[data-code="${code}"][data-version="${version}"]`)
      .waitFor();
    if (saved) await this.page.locator(`main .svc-admin__saved[data-saved="${saved}"]`).waitFor();
    await this.page.locator(`main form.svc-admin__form[data-mode="revise"]`).waitFor();
  }

  async versionRows(): Promise<string[]> {
    const rows = this.page.locator('main .svc-admin__versions tbody tr');
    await rows.first().waitFor();
    return rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-version') ?? ''));
  }

  /** Offers the standard at a unit: picks the province, then the district, from the day given. */
  async addOffering(path: string[], from: string): Promise<void> {
    const form = this.page.locator('main form.svc-admin__add-offering');
    for (const [index, code] of path.entries()) {
      const select = form.locator(`.unit-picker select[data-level="${index + 1}"]`);
      await select.locator(`option[value="${code}"]`).waitFor({ state: 'attached' });
      await select.selectOption(code);
    }
    await form.locator('input[name="validFrom"]').fill(from);
    await form.locator('button[type="submit"]').click();
    await form.locator('.success-message[data-added]').or(form.locator('[role="alert"]')).first().waitFor();
  }

  offeringRow(unitCode: string) {
    return this.page.locator(`main .svc-admin__offerings tr[data-unit="${unitCode}"]`);
  }

  /** Ends the offering at a unit on the given day and waits for the table to show it. */
  async endOffering(unitCode: string, lastDay: string): Promise<void> {
    const row = this.offeringRow(unitCode);
    await row.locator('input[name="validTo"]').fill(lastDay);
    await row.locator('form.svc-admin__end button[type="submit"]').click();
    await row.locator(`td[data-to="${lastDay}"]`).waitFor();
  }
}
