/**
 * The plans API through TanStack Query: a unit's plans, needs, priorities, program and
 * projects (public), and the officers' changes. Every key starts with 'plans' so that a change
 * refreshes everything that shows it.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client.ts';
import type { paths } from '../../lib/api/schema.d.ts';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
export type PlanPage = Json<paths['/api/plans/units/{code}/plans']['get']['responses'][200]>;
export type Plan = PlanPage['items'][number];
export type NeedPage = Json<paths['/api/plans/units/{code}/needs']['get']['responses'][200]>;
export type Need = NeedPage['items'][number];
export type PriorityPage = Json<paths['/api/plans/units/{code}/priorities']['get']['responses'][200]>;
export type Priority = PriorityPage['items'][number];
export type ProjectPage = Json<paths['/api/plans/projects']['get']['responses'][200]>;
export type Project = ProjectPage['items'][number];
export type Program = Json<paths['/api/plans/units/{code}/program']['get']['responses'][200]>;
export type NeedBody = Json<paths['/api/plans/units/{code}/needs']['post']['requestBody']>;
export type PriorityBody = Json<paths['/api/plans/units/{code}/priorities']['post']['requestBody']>;
export type ProjectBody = Json<paths['/api/plans/units/{code}/projects']['post']['requestBody']>;
export type ProjectStatus = Project['status'];

export const PROJECT_STATUSES = ['proposal', 'committed', 'ongoing', 'completed', 'dropped'] as const;
export const VULNERABLE_GROUPS = ['women', 'children', 'elderly', 'disabled', 'indigenous', 'poor'] as const;
/** Where a project may go from each status (the API decides; the form only offers these). */
export const NEXT_STATUSES: Record<ProjectStatus, readonly ProjectStatus[]> = {
  proposal: ['committed', 'dropped'],
  committed: ['proposal', 'ongoing', 'dropped'],
  ongoing: ['completed', 'dropped'],
  completed: [],
  dropped: ['proposal'],
};

const PAGE_SIZE = 10;

export function useCodeLists() {
  const sectors = useQuery({
    queryKey: ['plans', 'sectors'],
    staleTime: 60 * 60_000,
    queryFn: ({ signal }) => call(api.GET('/api/plans/sectors', { signal })),
  });
  const fundSources = useQuery({
    queryKey: ['plans', 'fund-sources'],
    staleTime: 60 * 60_000,
    queryFn: ({ signal }) => call(api.GET('/api/plans/fund-sources', { signal })),
  });
  return { sectors: sectors.data?.items ?? [], fundSources: fundSources.data?.items ?? [] };
}

export function useUnitPlans(code: string) {
  return useQuery({
    queryKey: ['plans', 'plans', code],
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/plans/units/{code}/plans', {
          params: { path: { code }, query: { page: 1, pageSize: 1 } },
          signal,
        }),
      ),
  });
}

export function useUnitNeeds(code: string, page: number) {
  return useQuery({
    queryKey: ['plans', 'needs', code, page],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/plans/units/{code}/needs', {
          params: { path: { code }, query: { page, pageSize: PAGE_SIZE } },
          signal,
        }),
      ),
  });
}

export function useUnitPriorities(code: string, page: number) {
  return useQuery({
    queryKey: ['plans', 'priorities', code, page],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/plans/units/{code}/priorities', {
          params: { path: { code }, query: { page, pageSize: PAGE_SIZE } },
          signal,
        }),
      ),
  });
}

export function useProgram(code: string) {
  return useQuery({
    queryKey: ['plans', 'program', code],
    queryFn: ({ signal }) =>
      call(api.GET('/api/plans/units/{code}/program', { params: { path: { code } }, signal })),
  });
}

export interface ProjectFilters {
  year?: number;
  status?: ProjectStatus;
  sector?: string;
}

export function useProjects(code: string, filters: ProjectFilters, page: number) {
  return useQuery({
    queryKey: ['plans', 'projects', code, filters, page],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/plans/projects', {
          params: { query: { unit: code, ...filters, page, pageSize: PAGE_SIZE } },
          signal,
        }),
      ),
  });
}

export function useProject(id: number) {
  return useQuery({
    queryKey: ['plans', 'project', id],
    queryFn: ({ signal }) => call(api.GET('/api/plans/projects/{id}', { params: { path: { id } }, signal })),
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['plans'] });
}

export function useAddNeed(code: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: NeedBody) =>
      call(api.POST('/api/plans/units/{code}/needs', { params: { path: { code } }, body })),
    onSuccess: refresh,
  });
}

export function useAddPriority(code: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: PriorityBody) =>
      call(api.POST('/api/plans/units/{code}/priorities', { params: { path: { code } }, body })),
    onSuccess: refresh,
  });
}

export function useAddProject(code: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ProjectBody) =>
      call(api.POST('/api/plans/units/{code}/projects', { params: { path: { code } }, body })),
    onSuccess: refresh,
  });
}

export function useProjectStatus(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (status: string) =>
      call(api.POST('/api/plans/projects/{id}/status', { params: { path: { id } }, body: { status } })),
    onSuccess: refresh,
  });
}

export function useRollProgram(code: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (fromYear: number) =>
      call(
        api.POST('/api/plans/units/{code}/program/roll', { params: { path: { code } }, body: { fromYear } }),
      ),
    onSuccess: refresh,
  });
}

export type PlanBody = Json<paths['/api/plans/units/{code}/plans']['post']['requestBody']>;

export function useCreatePlan(code: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: PlanBody) =>
      call(api.POST('/api/plans/units/{code}/plans', { params: { path: { code } }, body })),
    onSuccess: refresh,
  });
}

export function usePlanStatus(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (status: 'draft' | 'reviewed') =>
      call(api.POST('/api/plans/plans/{id}/status', { params: { path: { id } }, body: { status } })),
    onSuccess: refresh,
  });
}

export function useApprovePlan(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (councilDecisionId: number) =>
      call(
        api.POST('/api/plans/plans/{id}/approve', { params: { path: { id } }, body: { councilDecisionId } }),
      ),
    onSuccess: refresh,
  });
}

/**
 * The council decisions that may approve a plan or program of the unit: passed, of kind
 * approve_plan, by the unit's council, dated on or before `day` (the API checks each again).
 */
export function useApprovePlanDecisions(unitCode: string, day: string) {
  return useQuery({
    queryKey: ['plans', 'approving-decisions', unitCode, day],
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/councils/decisions', {
          params: {
            query: {
              unit: unitCode,
              organKind: 'council',
              kind: 'approve_plan',
              passed: true,
              to: day,
              page: 1,
              pageSize: 50,
            },
          },
          signal,
        }),
      ),
  });
}

export function useDeleteNeed() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: number) => call(api.DELETE('/api/plans/needs/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

export function useDeletePriority() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: number) => call(api.DELETE('/api/plans/priorities/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

export function useDeleteProject() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: number) => call(api.DELETE('/api/plans/projects/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

export function useUpdateProject(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ProjectBody) =>
      call(api.PUT('/api/plans/projects/{id}', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}
