import { ShellPage } from './home.page.ts';

/** The gazetteer's pages: the search box of /units and a unit's profile. */
export class GazetteerPage extends ShellPage {
  async gotoUnits(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/units`, { waitUntil: 'load' });
    await this.page.locator('main table.units-table').waitFor();
  }

  async gotoUnit(code: string, asOf?: string): Promise<void> {
    const query = asOf ? `?asOf=${asOf}` : '';
    await this.page.goto(`${this.baseUrl}/units/${code}${query}`, { waitUntil: 'load' });
    await this.page.locator(`main .unit-profile[data-code="${code}"]`).waitFor();
  }

  /** Types in the search box and opens the suggestion for this code. */
  async searchAndOpen(text: string, code: string): Promise<void> {
    const input = this.page.locator('main .unit-search input[role="combobox"]');
    await input.fill(text);
    const option = this.page.locator(`main .unit-search [role="option"][data-code="${code}"]`);
    await option.waitFor();
    await option.click();
    await this.page.waitForURL((url) => url.pathname === `/units/${code}`);
    await this.waitForProfile();
  }

  async openFromList(code: string): Promise<void> {
    await this.page.locator(`main table.units-table tr[data-code="${code}"] a`).click();
    await this.page.waitForURL((url) => url.pathname === `/units/${code}`);
    await this.waitForProfile();
  }

  /** Chooses a date in the "as of" form and waits for the profile of that date. */
  async showAsOf(date: string): Promise<void> {
    const form = this.page.locator('main form.as-of-form');
    await form.locator('input[name="asOf"]').fill(date);
    await form.locator('button[type="submit"]').click();
    await this.page.waitForURL((url) => url.searchParams.get('asOf') === date);
    await this.waitForProfile();
  }

  async waitForProfile(): Promise<void> {
    await this.page.locator('main .unit-details').waitFor();
  }

  async searchPathOf(text: string, code: string): Promise<string> {
    const input = this.page.locator('main .unit-search input[role="combobox"]');
    await input.fill(text);
    const option = this.page.locator(`main .unit-search [role="option"][data-code="${code}"]`);
    await option.waitFor();
    return (await option.textContent())?.trim() ?? '';
  }

  async childCodes(): Promise<string[]> {
    const rows = this.page.locator('main table.unit-children tbody tr');
    await rows.first().waitFor();
    return rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code') ?? ''));
  }

  async openChild(code: string): Promise<void> {
    await this.page.locator(`main table.unit-children tr[data-code="${code}"] a`).click();
    await this.page.waitForURL((url) => url.pathname === `/units/${code}`);
    await this.page.locator(`main .unit-profile[data-code="${code}"] .unit-details`).waitFor();
  }

  /** The count shown for a level below the unit (2 districts, 3 communes, 4 villages). */
  async countAt(level: number): Promise<string> {
    const value = this.page.locator(`main .counts__item[data-level="${level}"] .counts__value`);
    await value.waitFor();
    return (await value.textContent())?.trim() ?? '';
  }

  /** The breadcrumb of the unit's profile, once it ends with this unit. */
  async breadcrumb(code: string): Promise<string[]> {
    await this.page.locator(`main nav.breadcrumb li[data-code="${code}"] [aria-current="page"]`).waitFor();
    const items = this.page.locator('main nav.breadcrumb li');
    return items.evaluateAll((lis) => lis.map((li) => li.textContent?.trim() ?? ''));
  }

  async detail(field: string): Promise<string> {
    return (
      (await this.page.locator(`main .unit-details dd[data-field="${field}"]`).textContent())?.trim() ?? ''
    );
  }

  async edit(changes: { nameLatin: string; legalReference: string; effectiveDate: string }): Promise<void> {
    const form = this.page.locator('main form.unit-edit-form');
    await form.locator('input[name="nameLatin"]').fill(changes.nameLatin);
    await form.locator('input[name="legalReference"]').fill(changes.legalReference);
    await form.locator('input[name="effectiveDate"]').fill(changes.effectiveDate);
    await form.locator('button[type="submit"]').click();
    await form.locator('.success-message, [role="alert"]').first().waitFor();
  }

  /** Merges the profile's unit into a sibling with the restructuring form (national staff). */
  async mergeInto(intoCode: string, legalReference: string): Promise<void> {
    const section = this.page.locator('main section[aria-labelledby="unit-restructure-title"]');
    await section.locator('input[type="radio"]').first().check();
    const form = section.locator('form.unit-merge-form');
    await form.locator(`select option[value="${intoCode}"]`).waitFor({ state: 'attached' });
    await form.locator('select').selectOption(intoCode);
    await form.locator('input[name="legalReference"]').fill(legalReference);
    await form.locator('button[type="submit"]').click();
  }

  /** Waits for a history entry mentioning this text; returns the entry's text. */
  async historyEntryWith(text: string): Promise<string> {
    const item = this.page.locator('main .unit-history li', { hasText: text }).first();
    await item.waitFor();
    return (await item.textContent())?.trim() ?? '';
  }
}
