import type { Locator } from 'playwright-core';
import { ShellPage } from './home.page.ts';

export { rielFrom } from './transfers.page.ts';

/** The budgets pages: a unit's budget for a year (lines, decisions) and its report. */
export class BudgetsPage extends ShellPage {
  async gotoBudget(code: string, year: number): Promise<void> {
    await this.page.goto(`${this.baseUrl}/budgets/${code}/${year}`, { waitUntil: 'load' });
    await this.page.locator('main .budget-summary, main .no-budget').first().waitFor();
  }

  async gotoReport(code: string, year: number): Promise<void> {
    await this.page.goto(`${this.baseUrl}/budgets/${code}/${year}/report`, { waitUntil: 'load' });
    await this.page.locator('main table.report-totals').waitFor();
  }

  field(name: string): Locator {
    return this.page.locator(`main [data-field="${name}"]`).first();
  }

  lineRows(): Locator {
    return this.page.locator('main table.budget-lines tbody tr.budget-line');
  }

  async phase(): Promise<string | null> {
    return this.page.locator('main [data-field="phase"] [data-phase]').getAttribute('data-phase');
  }

  async waitForPhase(phase: string): Promise<void> {
    await this.page.locator(`main [data-field="phase"] [data-phase="${phase}"]`).waitFor();
  }

  /** Adds a line through the form (the first economic class of the direction, the fund source). */
  async addLine(input: {
    direction: 'revenue' | 'expenditure';
    economic: string;
    functional?: string;
    fund: string;
    km: string;
    amount: string;
  }): Promise<void> {
    const form = this.page.locator('main form.budget-line-form').last();
    await form.locator('select[name="direction"]').selectOption(input.direction);
    await form.locator('select[name="economicCode"]').selectOption(input.economic);
    if (input.functional) await form.locator('select[name="functionalCode"]').selectOption(input.functional);
    await form.locator('select[name="fundSourceCode"]').selectOption(input.fund);
    await form.locator('input[name="descriptionKm"]').fill(input.km);
    await form.locator('input[name="amount"]').fill(input.amount);
    await form.locator('button[type="submit"]').click();
  }

  /** Picks the council's decision (by its id) in the approval's picker. */
  async pickDecision(decisionId: number): Promise<void> {
    await this.page.locator('main select[name="councilDecisionId"]').selectOption(String(decisionId));
  }

  async approve(): Promise<void> {
    const actions = this.page.locator('main .budget-approve');
    await actions.locator('button.button--danger').click();
    await actions.locator('.confirm button.button--danger').click();
  }

  /** Types a decision not recorded in the platform (a legacy reference), under its disclosure. */
  async recordDecision(number: string, date: string): Promise<void> {
    const legacy = this.page.locator('main details.legacy-decision');
    if ((await legacy.getAttribute('open')) === null) await legacy.locator('summary').click();
    const form = this.page.locator('main form.council-decision-form');
    await form.locator('input[name="number"]').fill(number);
    await form.locator('input[name="date"]').fill(date);
    await form.locator('button[type="submit"]').click();
    await form.locator('.success-message').waitFor();
  }

  /** Adjusts an approved budget: each line's new amount (by position) and the reason. */
  async adjust(reason: string, amounts: string[]): Promise<void> {
    const section = this.page.locator('main details.adjustment');
    await section.locator('summary').click();
    const form = section.locator('form.adjustment-form');
    await form.locator('textarea[name="reason"]').fill(reason);
    const inputs = form.locator('input[name^="amount-"]');
    for (const [index, amount] of amounts.entries()) await inputs.nth(index).fill(amount);
    await form.locator('button[type="submit"]').click();
    await form.locator('.success-message').waitFor();
  }

  /** Records a line's actuals for the quarters given, through the form under the line. */
  async recordActuals(
    row: Locator,
    quarters: Partial<Record<'q1' | 'q2' | 'q3' | 'q4', string>>,
  ): Promise<void> {
    await row.locator('button[aria-expanded]').click();
    const form = this.page.locator('main form.actuals-form');
    for (const [quarter, amount] of Object.entries(quarters))
      await form.locator(`input[name="${quarter}"]`).fill(amount);
    await form.locator('button[type="submit"]').click();
    await form.waitFor({ state: 'detached' });
  }

  versionItems(): Locator {
    return this.page.locator('main .budget-versions li[data-version]');
  }

  chartBars(): Locator {
    return this.page.locator('main figure.budget-chart svg[role="img"] rect.budget-chart__bar');
  }
}
