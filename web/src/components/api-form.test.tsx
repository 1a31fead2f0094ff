import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { toApiError } from '../lib/api/problem.ts';
import { setupI18n } from '../lib/i18n.ts';
import km from '../locales/km.json';
import { ApiForm, fieldErrors } from './api-form.tsx';

await setupI18n(); // Khmer, the default

const failed = toApiError(
  {
    code: 'http.request.invalid',
    errors: [
      { path: '/body/nameKm', message: 'must NOT have fewer than 1 characters' },
      { path: '/body/amount', message: 'must be integer' },
      { path: '/body/nameKm/0', message: 'a second problem of the same field' },
    ],
  },
  new Response(null, { status: 400 }),
);

const form = (props: Partial<Parameters<typeof ApiForm>[0]>) =>
  renderToStaticMarkup(
    <ApiForm onSubmit={() => undefined} pending={false} error={null} submitLabel="Save" {...props}>
      <input name="nameKm" />
    </ApiForm>,
  );

describe('ApiForm', () => {
  it('draws the fields, then the submit button, and no error summary while nothing failed', () => {
    const html = form({ className: 'form x-form' });
    expect(html).toMatch(
      /^<form class="form x-form"><input name="nameKm"\/><button type="submit" class="button">Save<\/button><\/form>$/,
    );
    expect(html).not.toContain('role="alert"');
  });

  it('disables the submit button while pending and says the pending label', () => {
    const html = form({ pending: true, pendingLabel: 'Saving…' });
    expect(html).toContain('<button type="submit" class="button" disabled="">Saving…</button>');
    expect(form({ pending: true })).toContain('disabled="">Save</button>');
    expect(form({ submitDisabled: true })).toContain('disabled="">Save</button>');
  });

  it('puts extra buttons in one row with the submit button', () => {
    const html = form({ actions: <button type="button">Cancel</button> });
    expect(html).toContain(
      '<div class="import-actions"><button type="submit" class="button">Save</button><button type="button">Cancel</button></div>',
    );
  });

  it('shows a failure as a focusable error summary holding the translated message', () => {
    const html = form({ error: failed, after: <p role="status">after</p> });
    expect(html).toContain(
      `<div tabindex="-1" class="form-error-summary"><div class="error-message" role="alert"><p>${km['errors.http.request.invalid']}</p>`,
    );
    expect(html.indexOf('form-error-summary')).toBeGreaterThan(html.indexOf('</button>'));
    expect(html.indexOf('role="status"')).toBeGreaterThan(html.indexOf('form-error-summary'));
  });
});

describe('fieldErrors', () => {
  it('names each field a problem points at, with its first message', () => {
    expect(fieldErrors(failed)).toEqual({
      nameKm: 'must NOT have fewer than 1 characters',
      amount: 'must be integer',
    });
  });

  it('is empty without a failure or without pointers', () => {
    expect(fieldErrors(null)).toEqual({});
    expect(fieldErrors(toApiError({ code: 'x' }, undefined))).toEqual({});
    expect(fieldErrors(new TypeError('Failed to fetch'))).toEqual({});
  });
});
