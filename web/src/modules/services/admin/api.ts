/**
 * The management API for these pages: create and revise standards, their versions, their
 * offerings. A refusal keeps the problem's stable code (for `errors.<code>`), its `detail` and
 * the JSON pointers of the values the API named (`errors[].path`), so that the form can show
 * each problem next to its field. Query keys start with 'services' so that the public pages
 * see a change at once.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../lib/api/client.ts';
import { ApiError, normaliseError, toApiError } from '../../../lib/api/problem.ts';
import type { paths } from '../../../lib/api/schema.d.ts';
import type { Standard } from '../api.ts';

type JsonBody<P extends keyof paths, M extends 'post' | 'put' | 'patch'> = paths[P][M] extends {
  requestBody: { content: { 'application/json': infer T } };
}
  ? T
  : never;

export type CreateStandardBody = JsonBody<'/api/services/standards', 'post'>;
export type ReviseStandardBody = JsonBody<'/api/services/standards/{code}', 'put'>;
export type CreateOfferingBody = JsonBody<'/api/services/standards/{code}/offerings', 'post'>;
export type UpdateOfferingBody = JsonBody<'/api/services/offerings/{id}', 'patch'>;
export type Offering = Standard['offerings'][number];
export type VersionSummary =
  paths['/api/services/standards/{code}/versions']['get']['responses'][200]['content']['application/json']['items'][number];

export const MANAGE_STANDARDS = 'services.standard.manage';
export const MANAGE_PAGE_SIZE = 20;

/** The problem's pointers (`/body/feeTiers/1/code`), without the `/body` part. */
export interface ProblemDetail {
  path: string;
  message: string;
}

/** A refusal with what the API said about it beyond its code. */
export class StandardRejected extends ApiError {
  constructor(
    code: string,
    status: number | undefined,
    readonly detail: string | undefined,
    readonly details: ProblemDetail[],
  ) {
    super(code, status);
  }
}

export function problemDetails(body: unknown): ProblemDetail[] {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .filter(
      (item): item is ProblemDetail =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as { path?: unknown }).path === 'string' &&
        typeof (item as { message?: unknown }).message === 'string',
    )
    .map((item) => ({ path: item.path.replace(/^\/body(?=\/|$)/, ''), message: item.message }));
}

/** Like `call`, but a refusal keeps its detail and field pointers. */
async function send<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let answer;
  try {
    answer = await request;
  } catch (error) {
    throw normaliseError(error);
  }
  if (!answer.response.ok) {
    const problem = toApiError(answer.error, answer.response);
    const detail = (answer.error as { detail?: unknown } | null)?.detail;
    throw new StandardRejected(
      problem.code,
      problem.status,
      typeof detail === 'string' ? detail : undefined,
      problemDetails(answer.error),
    );
  }
  return answer.data as T;
}

export interface ManageQuery {
  page: number;
  q: string;
}

export function useManagedStandards({ page, q }: ManageQuery) {
  const query = {
    page,
    pageSize: MANAGE_PAGE_SIZE,
    sort: 'code' as const,
    ...(q.trim() ? { q: q.trim() } : {}),
  };
  return useQuery({
    queryKey: ['services', 'standards', 'manage', query],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => call(api.GET('/api/services/standards', { params: { query }, signal })),
  });
}

export function useVersions(code: string) {
  return useQuery({
    queryKey: ['services', 'standard-versions', code],
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/services/standards/{code}/versions', {
          params: { path: { code }, query: { page: 1, pageSize: 100 } },
          signal,
        }),
      ),
  });
}

/** After any change: the standard as answered, and every list and history of standards again. */
function useRefresh() {
  const client = useQueryClient();
  return (standard?: Standard) => {
    if (standard) client.setQueryData(['services', 'standard', standard.code, 'current'], standard);
    void client.invalidateQueries({
      queryKey: ['services'],
      predicate: (query) =>
        !(standard && query.queryKey[1] === 'standard' && query.queryKey[3] === 'current'),
    });
  };
}

export function useCreateStandard() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CreateStandardBody) => send(api.POST('/api/services/standards', { body })),
    onSuccess: (standard) => refresh(standard),
  });
}

export function useReviseStandard(code: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ReviseStandardBody) =>
      send(api.PUT('/api/services/standards/{code}', { params: { path: { code } }, body })),
    onSuccess: (standard) => refresh(standard),
  });
}

export function useAddOffering(code: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CreateOfferingBody) =>
      send(api.POST('/api/services/standards/{code}/offerings', { params: { path: { code } }, body })),
    onSuccess: (standard) => refresh(standard),
  });
}

export function useUpdateOffering() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateOfferingBody }) =>
      send(api.PATCH('/api/services/offerings/{id}', { params: { path: { id } }, body })),
    onSuccess: () => refresh(),
  });
}
