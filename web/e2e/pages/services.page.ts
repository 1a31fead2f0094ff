import { ShellPage } from './home.page.ts';

/** The public services pages, the citizen's application form and the officers' case pages. */
export class ServicesPage extends ShellPage {
  async gotoCatalogue(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/services`, { waitUntil: 'load' });
    await this.page.locator('main form.svc-search').waitFor();
  }

  /** Searches the catalogue and opens the service with this code from the results. */
  async searchAndOpen(text: string, code: string): Promise<void> {
    await this.page.locator('main form.svc-search input[name="q"]').fill(text);
    await this.page.locator('main form.svc-search button[type="submit"]').click();
    const card = this.page.locator(`main .svc-card[data-code="${code}"]`);
    await card.waitFor();
    await card.locator('a').first().click();
    await this.page.locator(`main .svc-standard[data-code="${code}"]`).waitFor();
  }

  /** The text of a fact of the service shown (fee, timeLimit). */
  async fact(field: 'fee' | 'timeLimit'): Promise<string> {
    return (
      (await this.page.locator(`main .svc-standard dd[data-field="${field}"]`).textContent())?.trim() ?? ''
    );
  }

  async gotoBoard(unitCode: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/services/board/${unitCode}`, { waitUntil: 'load' });
    await this.page.locator(`main .svc-board[data-unit="${unitCode}"]`).waitFor();
  }

  async boardCodes(): Promise<string[]> {
    return this.page
      .locator('main .svc-board__table tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-code') ?? ''));
  }

  /** Fills the online (or counter) application form: radio and check box fields by value, others by text. */
  async fillField(code: string, value: string): Promise<void> {
    const field = this.page.locator(`main [data-field="${code}"]`);
    const choice = field.locator(`input[value="${value}"]`);
    if ((await choice.count()) > 0) await choice.check();
    else await field.locator('input, textarea, select').first().fill(value);
  }

  async attach(name: string, mimeType: string, buffer: Buffer): Promise<void> {
    await this.page.locator('main .svc-files input[type="file"]').setInputFiles({ name, mimeType, buffer });
    await this.page.locator('main .svc-files__chosen li', { hasText: name }).waitFor();
  }

  /** Sends the form and returns the tracking number shown big afterwards. */
  async submitAndReadNumber(form: string): Promise<string> {
    await this.page.locator(`main form.${form} button[type="submit"]`).click();
    const filed = this.page.locator('main .svc-filed');
    await filed.or(this.page.locator('main [role="alert"]')).first().waitFor();
    if ((await filed.count()) === 0) {
      throw new Error(
        `filing failed: ${await this.page.locator('main [role="alert"]').first().textContent()}`,
      );
    }
    return (await filed.getAttribute('data-number')) ?? '';
  }

  async bigNumber(): Promise<string> {
    return (await this.page.locator('main .svc-number-box__value').textContent())?.trim() ?? '';
  }

  async gotoApplication(number: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/applications/${number}`, { waitUntil: 'load' });
    await this.page.locator(`main .svc-application[data-number="${number}"]`).waitFor();
  }

  async openFromOfficeList(number: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/applications`, { waitUntil: 'load' });
    const row = this.page.locator(`main table tr[data-number="${number}"]`);
    await row.waitFor();
    await row.locator('a').first().click();
    await this.page.locator(`main .svc-application[data-number="${number}"]`).waitFor();
  }

  /** Presses the button of the next status with a note and waits for the new status. */
  async step(to: string, note: string): Promise<void> {
    const form = this.page.locator('main form.svc-step-form');
    await form.locator('textarea[name="note"]').fill(note);
    await form.locator(`button[data-to="${to}"]`).click();
    await this.page.locator(`main .svc-application[data-status="${to}"]`).waitFor();
  }

  async recordFee(receipt: string): Promise<void> {
    const form = this.page.locator('main form.svc-fee-form');
    await form.locator('input[name="receiptNumber"]').fill(receipt);
    await form.locator('button[type="submit"]').click();
    await this.page.locator(`main .svc-fee-paid[data-receipt="${receipt}"]`).waitFor();
  }

  async gotoTrack(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/track`, { waitUntil: 'load' });
    await this.page.locator('main form.svc-track-form').waitFor();
  }

  /** Types a number into the tracking form and waits for the case it finds. */
  async track(typed: string, kind: 'application' | 'complaint'): Promise<void> {
    await this.page.locator('main form.svc-track-form input[name="number"]').fill(typed);
    await this.page.locator('main form.svc-track-form button[type="submit"]').click();
    await this.page.locator(`main .svc-case[data-kind="${kind}"]`).waitFor();
  }

  async trackedSteps(): Promise<string[]> {
    return this.page
      .locator('main .svc-case .svc-steps__item')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-status') ?? ''));
  }

  async rate(stars: number, comment: string, phone: string): Promise<void> {
    const form = this.page.locator('main form.svc-rating-form');
    await form.locator(`input[name="stars"][value="${stars}"]`).check();
    await form.locator('textarea[name="comment"]').fill(comment);
    await form.locator('input[name="phone"]').fill(phone);
    await form.locator('button[type="submit"]').click();
    await this.page.locator('main .svc-rated').waitFor();
  }
}
