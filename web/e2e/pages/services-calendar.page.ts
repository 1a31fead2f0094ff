import { parseTypedDate } from '../../src/lib/dates.ts';
import { ShellPage } from './home.page.ts';

export interface HolidayText {
  date: string;
  nameKm: string;
  nameEn: string;
}

/** /services/calendar: a year's public holidays, the national officers' edit form, the due-date helper. */
export class ServicesCalendarPage extends ShellPage {
  async goto(year?: number): Promise<void> {
    const query = year === undefined ? '' : `?year=${year}`;
    await this.page.goto(`${this.baseUrl}/services/calendar${query}`, { waitUntil: 'load' });
    await this.page.locator('main .svc-calendar__year').waitFor();
  }

  year(year: number) {
    return this.page.locator(`main .svc-calendar__year[data-year="${year}"]`);
  }

  async waitForYear(year: number): Promise<void> {
    await this.year(year).waitFor();
  }

  /** The days of the holidays table, in its order. */
  async holidayDates(): Promise<string[]> {
    return this.page
      .locator('main .svc-calendar__table tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-date') ?? ''));
  }

  async rowText(date: string): Promise<string[]> {
    return (
      await this.page.locator(`main .svc-calendar__table tr[data-date="${date}"] > *`).allTextContents()
    ).map((text) => text.trim());
  }

  exampleBadge() {
    return this.page.locator('main .svc-calendar__facts .example-badge');
  }

  async fact(
    field: 'workingDays' | 'holidayCount' | 'source',
  ): Promise<{ text: string; value: string | null }> {
    const cell = this.page.locator(`main .svc-calendar__facts dd[data-field="${field}"]`);
    return { text: (await cell.textContent())?.trim() ?? '', value: await cell.getAttribute('data-value') };
  }

  editButton() {
    return this.page.locator('main .svc-calendar__edit');
  }

  form() {
    return this.page.locator('main form.svc-calendar__form');
  }

  async startEditing(): Promise<void> {
    await this.editButton().click();
    await this.form().waitFor();
  }

  rows() {
    return this.form().locator('.svc-calendar__row');
  }

  /** Adds a row and fills it in. */
  async addHoliday(holiday: HolidayText): Promise<void> {
    const before = await this.rows().count();
    await this.form().locator('.svc-calendar__add').click();
    const row = this.rows().nth(before);
    await row.waitFor();
    await row.locator('input[name="date"]').fill(holiday.date);
    await row.locator('input[name="nameKm"]').fill(holiday.nameKm);
    await row.locator('input[name="nameEn"]').fill(holiday.nameEn);
  }

  async setRowDate(index: number, date: string): Promise<void> {
    await this.rows().nth(index).locator('input[name="date"]').fill(date);
  }

  /**
   * Picks a row's date from its calendar: opens it, chooses the month and the year from its
   * lists, then the day. Returns the calendar's month list as the reader sees it.
   */
  async pickRowDate(index: number, iso: string): Promise<string[]> {
    const row = this.rows().nth(index);
    await row.locator('button.date-input__toggle').click();
    const calendar = row.locator('.date-input__calendar');
    const [year, month] = iso.split('-').map(Number) as [number, number];
    await calendar.locator('select.rdp-years_dropdown').selectOption(String(year));
    await calendar.locator('select.rdp-months_dropdown').selectOption(String(month - 1));
    const months = await calendar.locator('select.rdp-months_dropdown option').allTextContents();
    // The calendar writes its days' `data-day` in the digits it shows (Khmer ones in Khmer).
    const khmer = iso.replace(/[0-9]/g, (digit) => String.fromCharCode(0x17e0 + Number(digit)));
    await calendar.locator(`[data-day="${iso}"] button, [data-day="${khmer}"] button`).click();
    await calendar.waitFor({ state: 'detached' });
    return months;
  }

  /** Each row as typed; the date as ISO (the form shows it day/month/year, maybe in Khmer digits). */
  async rowValues(): Promise<HolidayText[]> {
    const rows = await this.rows().evaluateAll((items) =>
      items.map((row) => {
        const value = (name: string) =>
          row.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value ?? '';
        return { date: value('date'), nameKm: value('nameKm'), nameEn: value('nameEn') };
      }),
    );
    return rows.map((row) => ({ ...row, date: parseTypedDate(row.date) ?? row.date }));
  }

  /** A row's date as the input shows it, and the same date said in words under it. */
  async rowDateText(index: number): Promise<{ typed: string; words: string }> {
    const row = this.rows().nth(index);
    return {
      typed: await row.locator('input[name="date"]').inputValue(),
      words: (await row.locator('.date-input__words').textContent())?.trim() ?? '',
    };
  }

  async fillSource(text: string): Promise<void> {
    await this.form().locator('textarea[name="source"]').fill(text);
  }

  /** Presses "save", then confirms the question asked on the page. */
  async saveWithConfirmation(): Promise<void> {
    const actions = this.form().locator('.svc-calendar__actions');
    await actions.locator('button.button--danger').click();
    await actions.locator('.confirm button.button--danger').click();
  }

  async errorText(): Promise<string> {
    const alert = this.form().locator('.error-message[role="alert"] p');
    await alert.waitFor();
    return (await alert.textContent())?.trim() ?? '';
  }

  savedNote() {
    return this.page.locator('main .svc-calendar__saved');
  }

  /** The due-date helper: fills it in and returns the day it shows (YYYY-MM-DD) and its text. */
  async dueDate(from: string, days: string): Promise<{ date: string; text: string }> {
    const form = this.page.locator('main form.svc-calendar__due-form');
    await form.locator('input[name="from"]').fill(from);
    await form.locator('input[name="days"]').fill(days);
    await form.locator('button[type="submit"]').click();
    const result = this.page.locator('main .svc-calendar__due-result');
    await result.waitFor();
    return {
      date: (await result.getAttribute('data-due')) ?? '',
      text: (await result.textContent())?.trim() ?? '',
    };
  }
}
