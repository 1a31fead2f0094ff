/** The office dashboard's JSON answer through TanStack Query (the downloads are plain links). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call } from '../../../lib/api/client.ts';
import type { paths } from '../../../lib/api/schema.d.ts';
import type { DashboardFilters } from './helpers.ts';

export type Dashboard =
  paths['/api/services/dashboard']['get']['responses'][200]['content']['application/json'];
export type Figures = Dashboard['total'];
export type DashboardRow = Dashboard['byService'][number];

export function useDashboard(filters: DashboardFilters, enabled: boolean) {
  const { unit, from, to } = filters;
  return useQuery({
    queryKey: ['services', 'dashboard', { unit, from, to }],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/services/dashboard', {
          params: { query: { ...(unit !== null ? { unit } : {}), from, to } },
          signal,
        }),
      ),
  });
}
