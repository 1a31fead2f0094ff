/**
 * The hr API through TanStack Query: a unit's establishment and staff, a person's record, the
 * women-in-leadership roll-up, and the officers' changes. Every key starts with 'hr' so that a
 * change refreshes everything that shows it.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client.ts';
import type { paths } from '../../lib/api/schema.d.ts';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
export type PositionPage = Json<paths['/api/hr/units/{code}/positions']['get']['responses'][200]>;
export type Position = PositionPage['items'][number];
export type PersonPage = Json<paths['/api/hr/units/{code}/persons']['get']['responses'][200]>;
export type PersonSummary = PersonPage['items'][number];
export type Person = Json<paths['/api/hr/persons/{id}']['get']['responses'][200]>;
export type PersonalDetails = Json<paths['/api/hr/persons/{id}/personal-details']['post']['responses'][200]>;
export type Leadership = Json<paths['/api/hr/leadership']['get']['responses'][200]>;
export type LeadershipRow = Leadership['rows'][number];
export type PositionBody = Json<paths['/api/hr/units/{code}/positions']['post']['requestBody']>;
export type PersonBody = Json<paths['/api/hr/units/{code}/persons']['post']['requestBody']>;
export type AssignmentBody = Json<paths['/api/hr/positions/{id}/assignments']['post']['requestBody']>;

export const ORGANS = ['administration', 'board_support', 'clerk_office', 'council_support'] as const;
export const LEVELS = ['leadership', 'management', 'staff'] as const;
export const FUNDING_SOURCES = [
  'national_budget',
  'sna_budget',
  'commune_fund',
  'district_fund',
  'development_partner',
] as const;
export const ASSIGNMENT_KINDS = ['substantive', 'acting', 'secondment', 'transfer'] as const;

const PAGE_SIZE = 20;

export function useCategories() {
  return useQuery({
    queryKey: ['hr', 'categories'],
    staleTime: 60 * 60_000,
    queryFn: ({ signal }) => call(api.GET('/api/hr/categories', { signal })),
  });
}

export function useEstablishment(code: string) {
  return useQuery({
    queryKey: ['hr', 'establishment', code],
    queryFn: ({ signal }) =>
      call(api.GET('/api/hr/units/{code}/establishment', { params: { path: { code } }, signal })),
  });
}

export function usePositions(code: string, page: number) {
  return useQuery({
    queryKey: ['hr', 'positions', code, page],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/hr/units/{code}/positions', {
          params: { path: { code }, query: { page, pageSize: PAGE_SIZE } },
          signal,
        }),
      ),
  });
}

export function usePersons(code: string, page: number, pageSize = PAGE_SIZE) {
  return useQuery({
    queryKey: ['hr', 'persons', code, page, pageSize],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/hr/units/{code}/persons', {
          params: { path: { code }, query: { page, pageSize } },
          signal,
        }),
      ),
  });
}

export function usePerson(id: number) {
  return useQuery({
    queryKey: ['hr', 'person', id],
    queryFn: ({ signal }) => call(api.GET('/api/hr/persons/{id}', { params: { path: { id } }, signal })),
  });
}

export function useLeadership(unit: string | undefined, year: number | undefined) {
  return useQuery({
    queryKey: ['hr', 'leadership', unit ?? null, year ?? null],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/hr/leadership', {
          params: { query: { ...(unit ? { unit } : {}), ...(year ? { year } : {}) } },
          signal,
        }),
      ),
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['hr'] });
}

export function useAddPosition(code: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: PositionBody) =>
      call(api.POST('/api/hr/units/{code}/positions', { params: { path: { code } }, body })),
    onSuccess: refresh,
  });
}

export function useAddPerson(code: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: PersonBody) =>
      call(api.POST('/api/hr/units/{code}/persons', { params: { path: { code } }, body })),
    onSuccess: refresh,
  });
}

export function useAssign() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ positionId, body }: { positionId: number; body: AssignmentBody }) =>
      call(api.POST('/api/hr/positions/{id}/assignments', { params: { path: { id: positionId } }, body })),
    onSuccess: refresh,
  });
}

/** Personal details: a POST, since the API records each read in the audit trail. */
export function usePersonalDetails(id: number) {
  return useMutation({
    mutationFn: () => call(api.POST('/api/hr/persons/{id}/personal-details', { params: { path: { id } } })),
  });
}
