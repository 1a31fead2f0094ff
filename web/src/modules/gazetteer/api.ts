import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client.ts';
import { normaliseError, toApiError } from '../../lib/api/problem.ts';

export const PROVINCE_LEVEL = 1;

/** The capital and provinces: one page is enough (there are 25). */
export function useProvinces() {
  return useQuery({
    queryKey: ['gazetteer', 'units', { level: PROVINCE_LEVEL }],
    queryFn: async ({ signal }) => {
      try {
        const { data, error, response } = await api.GET('/api/gazetteer/units', {
          params: { query: { level: PROVINCE_LEVEL, page: 1, pageSize: 50, sort: 'code' } },
          signal,
        });
        if (error !== undefined || data === undefined) throw toApiError(error, response);
        return data;
      } catch (err) {
        throw normaliseError(err);
      }
    },
  });
}
