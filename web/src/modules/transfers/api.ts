/**
 * The transfers API through TanStack Query: programs, formulas, figures, allocations (with
 * their lines and decisions), scenarios and a unit's published transfers. Every key starts with
 * 'transfers' so that a decision refreshes everything that shows it.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client.ts';
import { ApiError, normaliseError, toApiError } from '../../lib/api/problem.ts';
import type { Allocation, AllocationStatus, FormulaDocument, ScenarioComparison } from './types.ts';

export const ALLOCATIONS_PAGE_SIZE = 20;
export const LINES_PAGE_SIZE = 25;
export const FORMULAS_PAGE_SIZE = 20;
export const FIGURES_PAGE_SIZE = 50;

export type LineSort = 'code' | '-code' | 'amount' | '-amount';

export function usePrograms() {
  return useQuery({
    queryKey: ['transfers', 'programs'],
    staleTime: 10 * 60_000,
    queryFn: ({ signal }) => call(api.GET('/api/transfers/programs', { signal })),
  });
}

export interface AllocationFilter {
  page: number;
  fiscalYear?: number;
  programCode?: string;
  status?: AllocationStatus;
}

/** Published allocations for everyone; national staff also see drafts and approved ones. */
export function useAllocations({ page, fiscalYear, programCode, status }: AllocationFilter) {
  return useQuery({
    queryKey: ['transfers', 'allocations', { page, fiscalYear, programCode, status }],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/transfers/allocations', {
          params: {
            query: {
              page,
              pageSize: ALLOCATIONS_PAGE_SIZE,
              ...(fiscalYear ? { fiscalYear } : {}),
              ...(programCode ? { programCode } : {}),
              ...(status ? { status } : {}),
            },
          },
          signal,
        }),
      ),
  });
}

export function useAllocation(id: number) {
  return useQuery({
    queryKey: ['transfers', 'allocation', id],
    enabled: Number.isInteger(id) && id > 0,
    queryFn: ({ signal }) =>
      call(api.GET('/api/transfers/allocations/{id}', { params: { path: { id } }, signal })),
  });
}

export function useAllocationLines(id: number, page: number, sort: LineSort, within: string) {
  return useQuery({
    queryKey: ['transfers', 'lines', id, { page, sort, within }],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/transfers/allocations/{id}/lines', {
          params: {
            path: { id },
            query: { page, pageSize: LINES_PAGE_SIZE, sort, ...(within ? { within } : {}) },
          },
          signal,
        }),
      ),
  });
}

/** Every line of an allocation within a unit, for the map (at most 500: one province's communes). */
export function useAllLines(id: number, within: string, enabled: boolean) {
  return useQuery({
    queryKey: ['transfers', 'lines', id, { page: 1, sort: 'code', within, all: true }],
    enabled,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/transfers/allocations/{id}/lines', {
          params: {
            path: { id },
            query: { page: 1, pageSize: 500, sort: 'code', ...(within ? { within } : {}) },
          },
          signal,
        }),
      ),
  });
}

export type Decision = 'approve' | 'publish';

/** Approve a draft or publish an approved allocation (national, by someone other than its author). */
export function useDecideAllocation(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (decision: Decision) =>
      decision === 'approve'
        ? call(api.POST('/api/transfers/allocations/{id}/approve', { params: { path: { id } } }))
        : call(api.POST('/api/transfers/allocations/{id}/publish', { params: { path: { id } } })),
    onSuccess: (allocation: Allocation) => {
      client.setQueryData(['transfers', 'allocation', id], allocation);
      return client.invalidateQueries({ queryKey: ['transfers'] });
    },
  });
}

/** A correction of a published allocation: a new draft with its reason. */
export function useCorrectAllocation(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      call(
        api.POST('/api/transfers/allocations/{id}/corrections', {
          params: { path: { id } },
          body: { reason },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['transfers'] }),
  });
}

export function useFormulas(page: number, programCode = '') {
  return useQuery({
    queryKey: ['transfers', 'formulas', { page, programCode }],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/transfers/formulas', {
          params: {
            query: { page, pageSize: FORMULAS_PAGE_SIZE, ...(programCode ? { programCode } : {}) },
          },
          signal,
        }),
      ),
  });
}

/** A formula document as stored: the export is this document, saved as a .json file. */
export function useFormula(id: number, enabled = true) {
  return useQuery({
    queryKey: ['transfers', 'formula', id],
    enabled: enabled && Number.isInteger(id) && id > 0,
    staleTime: 10 * 60_000,
    queryFn: ({ signal }) =>
      call(api.GET('/api/transfers/formulas/{id}', { params: { path: { id } }, signal })),
  });
}

/** A refusal of a formula document, with the JSON pointers of what is wrong in it. */
export class FormulaRejected extends ApiError {
  constructor(
    code: string,
    status: number | undefined,
    readonly details: { path: string; message: string }[],
  ) {
    super(code, status);
  }
}

function fieldErrors(body: unknown): { path: string; message: string }[] {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.filter(
    (item): item is { path: string; message: string } =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as { path?: unknown }).path === 'string' &&
      typeof (item as { message?: unknown }).message === 'string',
  );
}

export function useUploadFormula() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { formula: unknown; correctionReason?: string }) => {
      let answer;
      try {
        answer = await api.POST('/api/transfers/formulas', {
          body: {
            formula: input.formula,
            ...(input.correctionReason ? { correctionReason: input.correctionReason } : {}),
          },
        });
      } catch (error) {
        throw normaliseError(error);
      }
      if (!answer.response.ok) {
        const problem = toApiError(answer.error, answer.response);
        throw new FormulaRejected(problem.code, problem.status, fieldErrors(answer.error));
      }
      return answer.data as { id: number };
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['transfers', 'formulas'] }),
  });
}

/** Lorenz points as the pairs the chart draws (the API sends arrays of two numbers). */
const pairs = (points: number[][]): [number, number][] => points.map(([x = 0, y = 0]) => [x, y]);

export function useRunScenario() {
  return useMutation({
    mutationFn: async (input: {
      baselineFormulaId: number;
      scenario: FormulaDocument;
    }): Promise<ScenarioComparison> => {
      const answer = await call(api.POST('/api/transfers/scenarios', { body: input }));
      return {
        ...answer,
        equityBefore: { ...answer.equityBefore, lorenz: pairs(answer.equityBefore.lorenz) },
        equityAfter: { ...answer.equityAfter, lorenz: pairs(answer.equityAfter.lorenz) },
      };
    },
  });
}

export interface FiguresFilter {
  page: number;
  fiscalYear: number;
  indicator: string;
}

export function useIndicatorValues({ page, fiscalYear, indicator }: FiguresFilter) {
  return useQuery({
    queryKey: ['transfers', 'indicators', { page, fiscalYear, indicator }],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/transfers/indicators', {
          params: {
            query: { page, pageSize: FIGURES_PAGE_SIZE, fiscalYear, ...(indicator ? { indicator } : {}) },
          },
          signal,
        }),
      ),
  });
}

export interface ImportInput {
  file: File;
  fiscalYear: number;
  source: string;
  codeColumn: string;
  map: string;
  dryRun: boolean;
  /** Write the valid rows of a file with problems (the import contract). */
  applyValid: boolean;
}

/**
 * The figures' CSV import (the one import contract): a dry run by default; applying writes a
 * clean file, or its valid rows with `applyValid`.
 */
export function useImportFigures() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, dryRun, applyValid, ...query }: ImportInput) =>
      // The body is the file's text (text/csv), sent as it is rather than as a JSON string.
      call(
        api.POST('/api/transfers/indicators/import', {
          params: { query: { ...query, fileName: file.name, dryRun, applyValid } },
          body: await file.text(),
          bodySerializer: (text) => text,
          headers: { 'content-type': 'text/csv' },
        }),
      ),
    onSuccess: (report) =>
      report.applied ? client.invalidateQueries({ queryKey: ['transfers', 'indicators'] }) : undefined,
  });
}

/** A unit's published transfers, every program and year. */
export function useUnitTransfers(code: string) {
  return useQuery({
    queryKey: ['transfers', 'unit', code],
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/transfers/units/{code}/published', { params: { path: { code }, query: {} }, signal }),
      ),
  });
}
