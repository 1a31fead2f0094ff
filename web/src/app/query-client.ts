import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api/problem.ts';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5 * 60_000,
      // A 4xx answer will not change on retry; network failures and 5xx may (slow rural links).
      retry: (failureCount, error) =>
        failureCount < 2 && !(error instanceof ApiError && (error.status ?? 500) < 500),
    },
  },
});
