/**
 * The results API through TanStack Query: data sets and indicators (public), a form's recorded
 * values, sending a batch of values, and an indicator's roll-up. Keys start with 'results'.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client.ts';
import type { paths } from '../../lib/api/schema.d.ts';

export type DataSet =
  paths['/api/results/data-sets/{code}']['get']['responses'][200]['content']['application/json'];
export type Indicator =
  paths['/api/results/indicators/{code}']['get']['responses'][200]['content']['application/json'];
export type Category =
  paths['/api/results/categories']['get']['responses'][200]['content']['application/json'][number];
export type Analytics =
  paths['/api/results/analytics']['get']['responses'][200]['content']['application/json'];
export type AnalyticsRow = Analytics['rows']['items'][number];
export type DataValuesBody =
  paths['/api/results/data-values']['post']['requestBody']['content']['application/json'];

export function useDataSets() {
  return useQuery({
    queryKey: ['results', 'data-sets'],
    queryFn: ({ signal }) =>
      call(api.GET('/api/results/data-sets', { params: { query: { page: 1, pageSize: 100 } }, signal })),
  });
}

export function useIndicators() {
  return useQuery({
    queryKey: ['results', 'indicators'],
    queryFn: ({ signal }) =>
      call(api.GET('/api/results/indicators', { params: { query: { page: 1, pageSize: 500 } }, signal })),
  });
}

export function useCategories() {
  return useQuery({
    queryKey: ['results', 'categories'],
    queryFn: ({ signal }) => call(api.GET('/api/results/categories', { signal })),
  });
}

export function useFormValues(input: { dataSet: string; unit: string; period: string } | null) {
  return useQuery({
    queryKey: ['results', 'form', input],
    enabled: input !== null,
    queryFn: ({ signal }) => call(api.GET('/api/results/form-values', { params: { query: input! }, signal })),
  });
}

export function useSendValues() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DataValuesBody) => call(api.POST('/api/results/data-values', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['results'] }),
  });
}

export interface AnalyticsInput {
  indicator: string;
  unit?: string;
  level?: number;
  period: string;
  by?: string;
  page: number;
}

export function useAnalytics(input: AnalyticsInput | null) {
  return useQuery({
    queryKey: ['results', 'analytics', input],
    enabled: input !== null,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(api.GET('/api/results/analytics', { params: { query: { ...input!, pageSize: 50 } }, signal })),
  });
}

export type ApprovalState =
  paths['/api/results/approvals']['get']['responses'][200]['content']['application/json'];
export type ApprovalAction = 'submit' | 'approve' | 'return' | 'lock' | 'unapprove';

export function useApproval(input: { dataSet: string; unit: string; period: string } | null) {
  return useQuery({
    queryKey: ['results', 'approval', input],
    enabled: input !== null,
    queryFn: ({ signal }) => call(api.GET('/api/results/approvals', { params: { query: input! }, signal })),
  });
}

/** One approval step: submit (the unit) or a decision of the level above. */
export function useApprovalStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      action,
      ...body
    }: {
      action: ApprovalAction;
      dataSet: string;
      unit: string;
      period: string;
      comment?: string;
    }) =>
      action === 'submit'
        ? call(api.POST('/api/results/approvals/submit', { body }))
        : call(api.POST('/api/results/approvals/decide', { body: { ...body, action } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['results'] }),
  });
}
