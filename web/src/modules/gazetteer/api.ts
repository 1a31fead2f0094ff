import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client.ts';
import type { paths } from '../../lib/api/schema.d.ts';

export const PROVINCE_LEVEL = 1;

export type GazetteerUnit =
  paths['/api/gazetteer/units/{code}']['get']['responses'][200]['content']['application/json'];

/** The capital and provinces: one page is enough (there are 25). */
export function useProvinces() {
  return useQuery({
    queryKey: ['gazetteer', 'units', { level: PROVINCE_LEVEL }],
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/gazetteer/units', {
          params: { query: { level: PROVINCE_LEVEL, page: 1, pageSize: 50, sort: 'code' } },
          signal,
        }),
      ),
  });
}

/**
 * The units directly under a unit (the provinces when parent is null). A district has at most
 * a few dozen communes and a commune a few dozen villages: one page of 500 holds them all.
 */
export function useUnitChildren(parent: string | null, enabled = true) {
  return useQuery({
    queryKey:
      parent === null
        ? ['gazetteer', 'units', { level: PROVINCE_LEVEL }]
        : ['gazetteer', 'units', { parent }],
    enabled,
    staleTime: 60 * 60_000,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/gazetteer/units', {
          params: {
            query:
              parent === null
                ? { level: PROVINCE_LEVEL, page: 1, pageSize: 50, sort: 'code' }
                : { parent, page: 1, pageSize: 500, sort: 'code' },
          },
          signal,
        }),
      ),
  });
}

/** A unit and the units above it, the province first and the unit itself last. */
export function useUnitPath(code: string | null) {
  return useQuery({
    queryKey: ['gazetteer', 'ancestors', code],
    enabled: code !== null,
    staleTime: 60 * 60_000,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/gazetteer/units/{code}/ancestors', { params: { path: { code: code ?? '' } }, signal }),
      ),
  });
}
