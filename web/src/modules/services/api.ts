/**
 * The services API for the web pages: types from the generated schema, and TanStack Query
 * hooks over openapi-fetch. Query keys start with 'services'; cases (applications, complaints)
 * are never cached longer than the page is open.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client.ts';
import type { components, paths } from '../../lib/api/schema.d.ts';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

export type Standard = components['schemas']['ServicesStandard'];
export type FormField = Standard['formFields'][number];
export type FeeTier = Standard['feeTiers'][number];
export type Application = Json<'/api/services/applications/{number}', 'get'>;
export type ApplicationSummary = components['schemas']['ServicesApplicationSummary'];
export type ApplicationStatus = Application['status'];
export type PublicTracking = Json<'/api/services/track/{number}', 'get'>;
export type Complaint = Json<'/api/services/complaints/{number}', 'get'>;
export type ComplaintStatus = Complaint['status'];
export type ComplaintSubject = Complaint['subject'];
export type PublicComplaint = Json<'/api/services/complaints/track/{number}', 'get'>;
export type ComplaintSummary = Json<'/api/services/complaints', 'get'>['items'][number];
export type OutboxMessage = components['schemas']['ServicesOutboxMessage'];

export type StandardsQuery = NonNullable<paths['/api/services/standards']['get']['parameters']['query']>;
export type ApplicationsQuery = NonNullable<
  paths['/api/services/applications']['get']['parameters']['query']
>;
export type ComplaintsQuery = NonNullable<paths['/api/services/complaints']['get']['parameters']['query']>;
export type OnlineApplicationBody =
  paths['/api/services/applications']['post']['requestBody']['content']['application/json'];
export type CounterApplicationBody =
  paths['/api/services/applications/counter']['post']['requestBody']['content']['application/json'];
export type FileComplaintBody =
  paths['/api/services/complaints']['post']['requestBody']['content']['application/json'];
export type FeeBody =
  paths['/api/services/applications/{number}/fee']['post']['requestBody']['content']['application/json'];
export type RatingBody =
  paths['/api/services/applications/{number}/rating']['post']['requestBody']['content']['application/json'];
export type ComplaintTransitionBody =
  paths['/api/services/complaints/{number}/transitions']['post']['requestBody']['content']['application/json'];

/** The application statuses, in the order of the path (the API answers the allowed next steps). */
export const APPLICATION_STATUSES = [
  'received',
  'under_review',
  'more_info_needed',
  'approved',
  'rejected',
  'ready_for_collection',
  'closed',
] as const satisfies readonly ApplicationStatus[];

/** The applicant reads these notes: why more is needed, why it was refused. */
export const NOTE_REQUIRED: readonly ApplicationStatus[] = ['more_info_needed', 'rejected'];

export const COMPLAINT_STATUSES = [
  'received',
  'under_investigation',
  'decided',
  'replied',
  'closed',
] as const satisfies readonly ComplaintStatus[];

export const COMPLAINT_SUBJECTS = [
  'service',
  'office',
  'officer',
] as const satisfies readonly ComplaintSubject[];
export const SEXES = ['female', 'male', 'unknown'] as const;
export const AGE_GROUPS = ['0-17', '18-34', '35-49', '50-64', '65+', 'unknown'] as const;

export const PROCESS_APPLICATIONS = 'services.application.process';
export const FILE_APPLICATIONS = 'services.application.file';
export const HANDLE_COMPLAINTS = 'services.complaint.handle';
export const READ_OUTBOX = 'services.outbox.read';

export const LIST_PAGE_SIZE = 20;

// ---------------------------------------------------------------- catalogue

export function useStandards(query: StandardsQuery, enabled = true) {
  return useQuery({
    queryKey: ['services', 'standards', query],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => call(api.GET('/api/services/standards', { params: { query }, signal })),
  });
}

export function useStandard(code: string, version?: number) {
  return useQuery({
    queryKey: ['services', 'standard', code, version ?? 'current'],
    enabled: code !== '',
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/services/standards/{code}', {
          params: { path: { code }, query: version === undefined ? {} : { version } },
          signal,
        }),
      ),
  });
}

// ---------------------------------------------------------------- tracking (public)

export function useTracking(number: string | null) {
  return useQuery({
    queryKey: ['services', 'track', number],
    enabled: number !== null,
    staleTime: 0,
    retry: false,
    queryFn: ({ signal }) =>
      call(api.GET('/api/services/track/{number}', { params: { path: { number: number ?? '' } }, signal })),
  });
}

export function useComplaintTracking(number: string | null) {
  return useQuery({
    queryKey: ['services', 'complaint-track', number],
    enabled: number !== null,
    staleTime: 0,
    retry: false,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/services/complaints/track/{number}', {
          params: { path: { number: number ?? '' } },
          signal,
        }),
      ),
  });
}

/** The reply of a complaint, for the complainant: the phone number on file (or signed in). */
export function useComplaintReply(number: string) {
  return useMutation({
    mutationFn: (body: { phone?: string }) =>
      call(api.POST('/api/services/complaints/track/{number}/reply', { params: { path: { number } }, body })),
  });
}

export function useRate(number: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RatingBody) =>
      call(api.POST('/api/services/applications/{number}/rating', { params: { path: { number } }, body })),
    onSuccess: (answer) => client.setQueryData(['services', 'track', number], answer),
  });
}

// ---------------------------------------------------------------- applications

export function useFileOnline() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OnlineApplicationBody) => call(api.POST('/api/services/applications', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['services', 'my'] }),
  });
}

export function useFileAtCounter() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CounterApplicationBody) =>
      call(api.POST('/api/services/applications/counter', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['services', 'applications'] }),
  });
}

export function useMyApplications(page: number) {
  return useQuery({
    queryKey: ['services', 'my', page],
    staleTime: 0,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/services/my/applications', {
          params: { query: { page, pageSize: LIST_PAGE_SIZE, sort: '-filedAt' } },
          signal,
        }),
      ),
  });
}

export function useApplications(query: ApplicationsQuery) {
  return useQuery({
    queryKey: ['services', 'applications', query],
    staleTime: 0,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => call(api.GET('/api/services/applications', { params: { query }, signal })),
  });
}

const applicationKey = (number: string) => ['services', 'application', number] as const;

export function useApplication(number: string) {
  return useQuery({
    queryKey: applicationKey(number),
    staleTime: 0,
    queryFn: ({ signal }) =>
      call(api.GET('/api/services/applications/{number}', { params: { path: { number } }, signal })),
  });
}

/** After a change the answer is the whole application: put it in the cache, refresh the lists. */
function useApplicationChange<Input>(number: string, send: (input: Input) => Promise<Application>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (answer) => {
      client.setQueryData(applicationKey(number), answer);
      await client.invalidateQueries({ queryKey: ['services', 'applications'] });
    },
  });
}

export function useTransition(number: string) {
  return useApplicationChange(number, (body: { to: ApplicationStatus; note?: string }) =>
    call(api.POST('/api/services/applications/{number}/transitions', { params: { path: { number } }, body })),
  );
}

export function useRecordFee(number: string) {
  return useApplicationChange(number, (body: FeeBody) =>
    call(api.POST('/api/services/applications/{number}/fee', { params: { path: { number } }, body })),
  );
}

/**
 * Attaches one file: multipart/form-data with the file in the field "file", as the API
 * documents it (the browser writes the content type with its boundary).
 */
function attach(number: string, file: File) {
  return call(
    api.POST('/api/services/applications/{number}/attachments', {
      params: { path: { number } },
      body: { file },
      bodySerializer: (body) => {
        const form = new FormData();
        form.append('file', body.file, file.name);
        return form;
      },
    }),
  );
}

export function useAddAttachment(number: string) {
  return useApplicationChange(number, (file: File) => attach(number, file));
}

/** Sends the files one by one (the API takes one per request); stops at the first refusal. */
export async function uploadAll(number: string, files: readonly File[]): Promise<void> {
  for (const file of files) await attach(number, file);
}

export const attachmentUrl = (number: string, id: number) =>
  `/api/services/applications/${encodeURIComponent(number)}/attachments/${id}`;

// ---------------------------------------------------------------- complaints

export function useFileComplaint() {
  return useMutation({
    mutationFn: (body: FileComplaintBody) => call(api.POST('/api/services/complaints', { body })),
  });
}

export function useComplaints(query: ComplaintsQuery) {
  return useQuery({
    queryKey: ['services', 'complaints', query],
    staleTime: 0,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => call(api.GET('/api/services/complaints', { params: { query }, signal })),
  });
}

export function useComplaint(number: string) {
  return useQuery({
    queryKey: ['services', 'complaint', number],
    staleTime: 0,
    queryFn: ({ signal }) =>
      call(api.GET('/api/services/complaints/{number}', { params: { path: { number } }, signal })),
  });
}

export function useComplaintTransition(number: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ComplaintTransitionBody) =>
      call(api.POST('/api/services/complaints/{number}/transitions', { params: { path: { number } }, body })),
    onSuccess: async (answer) => {
      client.setQueryData(['services', 'complaint', number], answer);
      await client.invalidateQueries({ queryKey: ['services', 'complaints'] });
    },
  });
}

export function useOutbox(page: number, trackingNumber: string) {
  return useQuery({
    queryKey: ['services', 'outbox', page, trackingNumber],
    staleTime: 0,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/services/outbox', {
          params: {
            query: { page, pageSize: LIST_PAGE_SIZE, ...(trackingNumber ? { trackingNumber } : {}) },
          },
          signal,
        }),
      ),
  });
}
