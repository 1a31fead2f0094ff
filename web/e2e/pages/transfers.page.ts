import type { Locator } from 'playwright-core';
import { ShellPage } from './home.page.ts';

/** "២៨០,០០០,០០០,០០០៛" or "KHR 280,000,000,000" → 280000000000 (amounts are whole riel). */
export function rielFrom(text: string): number {
  const latin = text.replace(/[\u17e0-\u17e9]/g, (d) => String(d.charCodeAt(0) - 0x17e0));
  const negative = /[−-]/.test(latin);
  const digits = latin.replace(/[^0-9]/g, '');
  if (digits === '') throw new Error(`no amount in "${text}"`);
  return (negative ? -1 : 1) * Number(digits);
}

/** The transfers pages: the list, an allocation with its lines, the scenario form. */
export class TransfersPage extends ShellPage {
  async gotoList(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/transfers`, { waitUntil: 'load' });
    await this.page.locator('main table.allocations-table').waitFor();
  }

  allocationRow(programCode: string, year: number): Locator {
    return this.page.locator(
      `main table.allocations-table tr[data-program="${programCode}"][data-year="${year}"]`,
    );
  }

  /** Opens an allocation from the list; returns its id. */
  async openAllocation(programCode: string, year: number): Promise<number> {
    const row = this.allocationRow(programCode, year);
    await row.locator('a').click();
    await this.page.waitForURL((url) => url.pathname.startsWith('/transfers/allocations/'));
    await this.waitForLines();
    return Number(new URL(this.page.url()).pathname.split('/').pop());
  }

  async gotoAllocation(id: number): Promise<void> {
    await this.page.goto(`${this.baseUrl}/transfers/allocations/${id}`, { waitUntil: 'load' });
    await this.waitForLines();
  }

  async waitForLines(): Promise<void> {
    await this.page.locator('main table.lines-table tbody tr.lines-table__row').first().waitFor();
  }

  /** Shows only the lines of one province (the first select of the lines' unit filter). */
  async linesWithin(provinceCode: string, rows: number): Promise<void> {
    await this.page.locator('main form.lines-filters select').first().selectOption(provinceCode);
    await this.page.waitForFunction(
      (count) => document.querySelectorAll('main table.lines-table tr.lines-table__row').length === count,
      rows,
    );
  }

  async pool(): Promise<number> {
    return rielFrom((await this.page.locator('main [data-field="pool"]').textContent()) ?? '');
  }

  async lineCodes(): Promise<string[]> {
    return this.page
      .locator('main table.lines-table tr.lines-table__row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-code') ?? ''));
  }

  async lineAmounts(): Promise<number[]> {
    const texts = await this.page
      .locator('main table.lines-table tr.lines-table__row td[data-field="amount"]')
      .allTextContents();
    return texts.map(rielFrom);
  }

  /** Opens a unit's explanation; returns the amounts of its parts, read from the page. */
  async explain(code: string): Promise<{ parts: number[]; total: number }> {
    await this.page.locator(`main tr.lines-table__row[data-code="${code}"] button[aria-expanded]`).click();
    const detail = this.page.locator(`main tr.lines-table__detail[data-detail-of="${code}"]`);
    await detail.locator('table.explanation-table').waitFor();
    const parts = (await detail.locator('tbody tr td:last-child').allTextContents()).map(rielFrom);
    const total = rielFrom((await detail.locator('tfoot td').textContent()) ?? '');
    return { parts, total };
  }

  lorenzCurve(): Locator {
    return this.page.locator('main figure.lorenz svg[role="img"] path.lorenz__curve');
  }

  async gotoScenario(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/transfers/scenario`, { waitUntil: 'load' });
    await this.page.locator('main form.scenario-form').waitFor();
  }

  async setShare(componentCode: string, value: string): Promise<void> {
    await this.page.locator(`main form.scenario-form input[name="share-${componentCode}"]`).fill(value);
  }

  /** The live note under the component shares: data-ok says whether they total 100. */
  sharesTotalNote(): Locator {
    return this.page.locator('main form.scenario-form > fieldset:first-of-type > .total-note');
  }

  runButton(): Locator {
    return this.page.locator('main form.scenario-form button[type="submit"]');
  }

  async runScenario(): Promise<{ gainers: number; losers: number }> {
    await this.runButton().click();
    const result = this.page.locator('main .scenario-result');
    await result.waitFor();
    const count = async (kind: string) =>
      rielFrom(
        (await result.locator(`.counts__item[data-kind="${kind}"] .counts__value`).textContent()) ?? '',
      );
    return { gainers: await count('gainers'), losers: await count('losers') };
  }
}
