import { describe, expect, it } from 'vitest';
import { pageParam, withPage } from './page-param.ts';

describe('pageParam', () => {
  it('reads the page, 1 when absent or not a page number', () => {
    expect(pageParam(new URLSearchParams('page=3'))).toBe(3);
    expect(pageParam(new URLSearchParams(''))).toBe(1);
    expect(pageParam(new URLSearchParams('page=abc'))).toBe(1);
    expect(pageParam(new URLSearchParams('page=-2'))).toBe(1);
    expect(pageParam(new URLSearchParams('page=0'))).toBe(1);
  });
});

describe('withPage', () => {
  it('keeps the other parameters and leaves page 1 out', () => {
    expect(withPage(new URLSearchParams('q=a&page=3'), 4).toString()).toBe('q=a&page=4');
    expect(withPage(new URLSearchParams('q=a&page=3'), 1).toString()).toBe('q=a');
  });
});
