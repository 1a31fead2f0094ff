import { ShellPage } from './home.page.ts';

export class SignInPage extends ShellPage {
  async goto(next?: string): Promise<void> {
    const query = next ? `?next=${encodeURIComponent(next)}` : '';
    await this.page.goto(`${this.baseUrl}/sign-in${query}`, { waitUntil: 'load' });
    await this.form().waitFor();
  }

  form() {
    return this.page.locator('main form');
  }

  async signIn(login: string, password: string): Promise<void> {
    await this.form().locator('input[name="login"]').fill(login);
    await this.form().locator('input[name="password"]').fill(password);
    await this.form().locator('button[type="submit"]').click();
  }

  async showPassword(): Promise<string | null> {
    await this.form().locator('.password-input button').click();
    return this.form().locator('input[name="password"]').getAttribute('type');
  }

  async errorText(): Promise<string | null> {
    const alert = this.form().locator('[role="alert"]');
    await alert.waitFor();
    return (await alert.locator('p').first().textContent())?.trim() ?? null;
  }
}

export class ChangePasswordPage extends ShellPage {
  form() {
    return this.page.locator('main form');
  }

  async change(current: string, next: string): Promise<void> {
    await this.form().locator('input[name="current-password"]').fill(current);
    await this.form().locator('input[name="new-password"]').fill(next);
    await this.form().locator('input[name="repeat-password"]').fill(next);
    await this.form().locator('button[type="submit"]').click();
  }
}
