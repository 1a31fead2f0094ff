import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export type Language = 'km' | 'en';

export interface AxeProblem {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** What every page shares: the header, its menu (folded on phones) and the settings in it. */
export class ShellPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  heading() {
    return this.page.locator('main h1').first();
  }

  htmlLang(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang');
  }

  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'load' });
    await this.heading().waitFor();
  }

  /** On a phone the language buttons sit behind the menu button; open it when it is shown. */
  async openMenuIfFolded(): Promise<void> {
    const button = this.page.locator('.menu-button');
    if ((await button.isVisible()) && (await button.getAttribute('aria-expanded')) !== 'true') {
      await button.click();
    }
  }

  async switchLanguage(lang: Language): Promise<void> {
    await this.openMenuIfFolded();
    await this.page.locator(`.language-switch button[data-lang="${lang}"]`).click();
    await this.page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
  }

  /** The signed-in person's name in the header (inside the menu on phones), or null. */
  async signedInName(): Promise<string | null> {
    const name = this.page.locator('.user-area__display-name');
    if ((await name.count()) === 0) return null;
    return (await name.textContent())?.trim() ?? null;
  }

  async signOut(): Promise<void> {
    await this.openMenuIfFolded();
    await this.page.locator('.user-area__sign-out').click();
    await this.page.locator('.user-area__sign-in').waitFor({ state: 'attached' });
  }

  /** Waits for the page's main heading to read this text (pages are loaded lazily). */
  async waitForHeading(text: string): Promise<void> {
    await this.page.locator('main h1', { hasText: text }).waitFor();
  }

  async khmerFontLoaded(): Promise<boolean> {
    return this.page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('16px "Noto Sans Khmer"', 'ក');
    });
  }

  /** axe violations that would block a user: impact serious or critical. */
  async seriousAccessibilityProblems(): Promise<AxeProblem[]> {
    const results = await new AxeBuilder({ page: this.page }).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
  }
}

export class HomePage extends ShellPage {
  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/`, { waitUntil: 'load' });
    await this.heading().waitFor();
  }

  async openProvinces(): Promise<void> {
    await this.page.locator('main a[href="/units"]').click();
    await this.page.locator('main h1').waitFor();
  }
}
