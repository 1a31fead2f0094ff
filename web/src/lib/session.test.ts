import { describe, expect, it } from 'vitest';
import { hasPermission, safeNext } from './session.ts';

describe('safeNext', () => {
  it('keeps paths of the app', () => {
    expect(safeNext('/admin/users?page=2')).toBe('/admin/users?page=2');
  });

  it('refuses other sites and loops back to the sign-in page', () => {
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('/sign-in?next=/x')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});

describe('hasPermission', () => {
  const user = {
    assignments: [{ permissions: ['access.user.read'] }, { permissions: ['audit.record.read'] }],
  } as unknown as Parameters<typeof hasPermission>[0];

  it('looks through every assignment', () => {
    expect(hasPermission(user, 'audit.record.read')).toBe(true);
    expect(hasPermission(user, 'access.user.manage')).toBe(false);
    expect(hasPermission(null, 'access.user.read')).toBe(false);
  });
});
