import { describe, expect, it } from 'vitest';
import { ApiError, errorMessageKey, normaliseError, toApiError } from './problem.ts';

const known = new Set(['errors.unknown', 'errors.network', 'errors.gazetteer.unit.not_found']);
const exists = (key: string) => known.has(key);

describe('problem handling', () => {
  it('keeps the problem code and status', () => {
    const error = toApiError(
      { type: 'x', title: 'Not found', status: 404, code: 'gazetteer.unit.not_found' },
      new Response(null, { status: 404 }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('gazetteer.unit.not_found');
    expect(error.status).toBe(404);
    expect(errorMessageKey(error, exists)).toBe('errors.gazetteer.unit.not_found');
  });

  it('falls back to errors.unknown for codes without a message', () => {
    expect(errorMessageKey(toApiError({ code: 'new.code' }, undefined), exists)).toBe('errors.unknown');
    expect(errorMessageKey(toApiError('<html>', undefined), exists)).toBe('errors.unknown');
  });

  it('reports an unreachable server as a network error', () => {
    expect(normaliseError(new TypeError('Failed to fetch')).code).toBe('network');
    expect(errorMessageKey(new TypeError('Failed to fetch'), exists)).toBe('errors.network');
  });

  it('keeps the pointers to the values that were wrong, and drops malformed ones', () => {
    const error = toApiError(
      {
        code: 'http.request.invalid',
        errors: [{ path: '/body/amount', message: 'must be integer' }, { path: 3 }, 'x', null],
      },
      new Response(null, { status: 400 }),
    );
    expect(error.errors).toEqual([{ path: '/body/amount', message: 'must be integer' }]);
    expect(toApiError({ code: 'x', errors: 'none' }, undefined).errors).toBeUndefined();
  });
});
