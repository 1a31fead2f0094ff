/** The operations API as the page uses it: the failed jobs, paged, and a retry of one. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client.ts';
import type { paths } from '../../lib/api/schema.d.ts';

export type FailedJob =
  paths['/api/jobs/failed']['get']['responses'][200]['content']['application/json']['items'][number];

const KEY = ['operations', 'jobs', 'failed'] as const;

export function useFailedJobs(page: number) {
  return useQuery({
    queryKey: [...KEY, page],
    staleTime: 0,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(api.GET('/api/jobs/failed', { params: { query: { page, pageSize: 25 } }, signal })),
  });
}

export function useRetryJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.POST('/api/jobs/failed/{id}/retry', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
