import { ShellPage } from './home.page.ts';

export class UnitsPage extends ShellPage {
  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/units`, { waitUntil: 'load' });
    await this.heading().waitFor();
  }

  rows() {
    return this.page.locator('main table tbody tr');
  }

  /** Waits for the table (or an error) once the request has answered. */
  async waitForList(): Promise<void> {
    await this.page.locator('main table, main [role="alert"]').first().waitFor();
  }
}
