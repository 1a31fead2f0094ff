import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api/problem.ts';

// Kept here rather than imported from the API client, which itself reads this cache.
const ME_KEY = ['auth', 'me'] as const;

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (!(error instanceof ApiError) || query.queryKey[0] === 'auth') return;
      // The session ended (expired, or signed out elsewhere), or the password must change
      // first: ask /me again, and the page guards send the user where they must go.
      if (error.code === 'auth.unauthenticated' || error.code === 'auth.password.change_required') {
        void queryClient.invalidateQueries({ queryKey: ME_KEY });
      }
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 5 * 60_000,
      // A 4xx answer will not change on retry; network failures and 5xx may (slow rural links).
      retry: (failureCount, error) =>
        failureCount < 2 && !(error instanceof ApiError && (error.status ?? 500) < 500),
    },
  },
});
