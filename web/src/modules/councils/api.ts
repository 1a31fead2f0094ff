/**
 * The councils API through TanStack Query: a unit's organs, meetings and decisions (public),
 * and the clerk's changes (convene, record attendance, take a decision, close or cancel).
 * Every key starts with 'councils' so that a change refreshes everything that shows it.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client.ts';
import type { paths } from '../../lib/api/schema.d.ts';

export type MeetingDetail =
  paths['/api/councils/meetings/{id}']['get']['responses'][200]['content']['application/json'];
export type MeetingPage =
  paths['/api/councils/meetings']['get']['responses'][200]['content']['application/json'];
export type Meeting = MeetingPage['items'][number];
export type DecisionPage =
  paths['/api/councils/decisions']['get']['responses'][200]['content']['application/json'];
export type Decision = DecisionPage['items'][number];
export type DecisionKind =
  paths['/api/councils/decision-kinds']['get']['responses'][200]['content']['application/json'][number];
export type OrganPage =
  paths['/api/councils/units/{code}/organs']['get']['responses'][200]['content']['application/json'];
export type Organ = OrganPage['items'][number];
export type CreateMeetingBody =
  paths['/api/councils/organs/{id}/meetings']['post']['requestBody']['content']['application/json'];
export type AttendanceBody =
  paths['/api/councils/meetings/{id}/attendance']['put']['requestBody']['content']['application/json'];
export type DecisionBody =
  paths['/api/councils/meetings/{id}/decisions']['post']['requestBody']['content']['application/json'];

const PAGE_SIZE = 10;

export function useUnitOrgans(code: string) {
  return useQuery({
    queryKey: ['councils', 'organs', code],
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/councils/units/{code}/organs', {
          params: { path: { code }, query: { includeClosed: false, page: 1, pageSize: 100 } },
          signal,
        }),
      ),
  });
}

export function useUnitMeetings(code: string, page: number) {
  return useQuery({
    queryKey: ['councils', 'meetings', code, page],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/councils/meetings', {
          params: { query: { unit: code, page, pageSize: PAGE_SIZE } },
          signal,
        }),
      ),
  });
}

export function useUnitDecisions(code: string, page: number) {
  return useQuery({
    queryKey: ['councils', 'decisions', code, page],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/councils/decisions', {
          params: { query: { unit: code, page, pageSize: PAGE_SIZE } },
          signal,
        }),
      ),
  });
}

export function useMeeting(id: number) {
  return useQuery({
    queryKey: ['councils', 'meeting', id],
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
    queryFn: ({ signal }) =>
      call(api.GET('/api/councils/meetings/{id}', { params: { path: { id } }, signal })),
  });
}

export function useDecisionKinds() {
  return useQuery({
    queryKey: ['councils', 'decision-kinds'],
    staleTime: 30 * 60_000,
    queryFn: ({ signal }) => call(api.GET('/api/councils/decision-kinds', { signal })),
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['councils'] });
}

export function useCreateMeeting() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ organId, body }: { organId: number; body: CreateMeetingBody }) =>
      call(api.POST('/api/councils/organs/{id}/meetings', { params: { path: { id: organId } }, body })),
    onSuccess: refresh,
  });
}

export function useRecordAttendance(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: AttendanceBody) =>
      call(api.PUT('/api/councils/meetings/{id}/attendance', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useTakeDecision(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: DecisionBody) =>
      call(api.POST('/api/councils/meetings/{id}/decisions', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useMeetingStatus(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (status: 'held' | 'closed' | 'cancelled') =>
      call(api.PATCH('/api/councils/meetings/{id}', { params: { path: { id } }, body: { status } })),
    onSuccess: refresh,
  });
}

// ---------------------------------------------------------------------------------- minutes

export type Minutes =
  paths['/api/councils/meetings/{id}/minutes']['get']['responses'][200]['content']['application/json'];

export function useMinutes(meetingId: number) {
  return useQuery({
    queryKey: ['councils', 'minutes', meetingId],
    retry: false,
    queryFn: async ({ signal }) => {
      const answer = await api.GET('/api/councils/meetings/{id}/minutes', {
        params: { path: { id: meetingId } },
        signal,
      });
      // No minutes yet: null, not an error.
      if (answer.response.status === 404) return null;
      return call(Promise.resolve(answer));
    },
  });
}

/** Later meetings of the same organ that were held: where minutes can be adopted. */
export function useOrganMeetings(organId: number) {
  return useQuery({
    queryKey: ['councils', 'meetings', 'organ', organId],
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/councils/meetings', {
          params: { query: { organ: organId, page: 1, pageSize: 100 } },
          signal,
        }),
      ),
  });
}

export function useMinutesChange(meetingId: number) {
  const refresh = useRefresh();
  const path = { params: { path: { id: meetingId } } };
  return useMutation({
    mutationFn: (
      change:
        | { step: 'write'; textKm: string; summaryEn: string | null }
        | { step: 'circulate' }
        | { step: 'adopt'; atMeetingId: number },
    ) => {
      if (change.step === 'write') {
        return call(
          api.PUT('/api/councils/meetings/{id}/minutes', {
            ...path,
            body: { textKm: change.textKm, summaryEn: change.summaryEn },
          }),
        );
      }
      if (change.step === 'circulate') {
        return call(api.POST('/api/councils/meetings/{id}/minutes/circulate', path));
      }
      return call(
        api.POST('/api/councils/meetings/{id}/minutes/adopt', {
          ...path,
          body: { atMeetingId: change.atMeetingId },
        }),
      );
    },
    onSuccess: refresh,
  });
}

// ---------------------------------------------------------------------------------- citizens' requests

export type CitizenRequest =
  paths['/api/councils/requests/{number}']['get']['responses'][200]['content']['application/json'];
export type FileRequestBody =
  paths['/api/councils/units/{code}/requests']['post']['requestBody']['content']['application/json'];
export type AnswerRequestBody =
  paths['/api/councils/requests/{number}/answer']['post']['requestBody']['content']['application/json'];
export type RequestStatus = CitizenRequest['status'];

export function useUnitRequests(code: string, page: number, status?: RequestStatus) {
  return useQuery({
    queryKey: ['councils', 'requests', code, page, status ?? 'closed'],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/councils/units/{code}/requests', {
          params: { path: { code }, query: { page, pageSize: PAGE_SIZE, ...(status ? { status } : {}) } },
          signal,
        }),
      ),
  });
}

export function useRequestStats(code: string) {
  return useQuery({
    queryKey: ['councils', 'request-stats', code],
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/councils/units/{code}/request-stats', {
          params: { path: { code }, query: {} },
          signal,
        }),
      ),
  });
}

export function useFileRequest(code: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: FileRequestBody) =>
      call(api.POST('/api/councils/units/{code}/requests', { params: { path: { code } }, body })),
    onSuccess: refresh,
  });
}

export function useRequestAgenda(number: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (meetingId: number) =>
      call(
        api.POST('/api/councils/requests/{number}/agenda', {
          params: { path: { number } },
          body: { meetingId },
        }),
      ),
    onSuccess: refresh,
  });
}

export function useAnswerRequest(number: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: AnswerRequestBody) =>
      call(api.POST('/api/councils/requests/{number}/answer', { params: { path: { number } }, body })),
    onSuccess: refresh,
  });
}

// ---------------------------------------------------------------------------------- annual public forum

export type ForumPage =
  paths['/api/councils/units/{code}/forums']['get']['responses'][200]['content']['application/json'];
export type Forum = ForumPage['items'][number];
export type RecordForumBody =
  paths['/api/councils/units/{code}/forums']['post']['requestBody']['content']['application/json'];
export type ForumQuestion =
  paths['/api/councils/forums/{id}/questions']['get']['responses'][200]['content']['application/json']['items'][number];
export type ForumQuestionBody =
  paths['/api/councils/forums/{id}/questions']['post']['requestBody']['content']['application/json'];
export type AnswerForumQuestionBody =
  paths['/api/councils/forum-questions/{id}']['patch']['requestBody']['content']['application/json'];

export function useUnitForums(code: string, page: number) {
  return useQuery({
    queryKey: ['councils', 'forums', code, page],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/councils/units/{code}/forums', {
          params: { path: { code }, query: { page, pageSize: PAGE_SIZE } },
          signal,
        }),
      ),
  });
}

export function useForumQuestions(forumId: number, page: number) {
  return useQuery({
    queryKey: ['councils', 'forum-questions', forumId, page],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/councils/forums/{id}/questions', {
          params: { path: { id: forumId }, query: { page, pageSize: PAGE_SIZE } },
          signal,
        }),
      ),
  });
}

export function useRecordForum(code: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: RecordForumBody) =>
      call(api.POST('/api/councils/units/{code}/forums', { params: { path: { code } }, body })),
    onSuccess: refresh,
  });
}

export function useAddForumQuestion(forumId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ForumQuestionBody) =>
      call(api.POST('/api/councils/forums/{id}/questions', { params: { path: { id: forumId } }, body })),
    onSuccess: refresh,
  });
}

export function useAnswerForumQuestion(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: AnswerForumQuestionBody) =>
      call(api.PATCH('/api/councils/forum-questions/{id}', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}
