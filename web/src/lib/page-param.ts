/** A list's page in the address (`?page=2`), the way every paged list keeps it. */

/** The page to show: the address's `page`, or 1 when it is absent or not a page number. */
export function pageParam(params: URLSearchParams): number {
  return Math.max(1, Math.floor(Number(params.get('page'))) || 1);
}

/** The parameters with another page; page 1 is left out, so the first page has a clean address. */
export function withPage(params: URLSearchParams, page: number): URLSearchParams {
  const next = new URLSearchParams(params);
  if (page === 1) next.delete('page');
  else next.set('page', String(page));
  return next;
}
