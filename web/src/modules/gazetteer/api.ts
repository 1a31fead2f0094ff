import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client.ts';
import { ApiError } from '../../lib/api/problem.ts';
import type { ImportRequest } from '../../lib/import-report.ts';
import type { paths } from '../../lib/api/schema.d.ts';
import { asGeoJson, PROVINCE_LEVEL } from '../../lib/units.ts';

export interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

type Json<P extends keyof paths, M extends 'get' | 'patch' | 'post'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type SearchHit = Json<'/api/gazetteer/search', 'get'>['items'][number];
export type UnitCounts = Json<'/api/gazetteer/units/{code}/counts', 'get'>;
/** One change of the tree, with the legal act behind it. */
export type UnitEvent = Json<'/api/gazetteer/units/{code}/history', 'get'>['items'][number];
export type Organ = Json<'/api/councils/units/{code}/organs', 'get'>['items'][number];
export type OrganMember = Organ['members'][number];

export const EVENT_KINDS = [
  'created',
  'renamed',
  'moved',
  'retyped',
  'abolished',
  'merged',
  'split',
  'reinstated',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface UnitPatch {
  nameKm?: string;
  nameLatin?: string;
  isUrban?: boolean;
  legalReference: string;
  effectiveDate: string;
}

/** The one import report (rows, problems in the ImportProblem shape) and what the file changes. */
export type ImportResult = Json<'/api/gazetteer/imports', 'post'>;
export type ImportProblem = ImportResult['problems'][number];
export type ImportChange = ImportResult['changes'][number];
export type ImportRecord = Json<'/api/gazetteer/imports', 'get'>['items'][number];

/** The counts by kind of change of a stored summary (its shape is not fixed by the API). */
export function summaryCounts(summary: unknown): Record<string, number> {
  if (typeof summary !== 'object' || summary === null) return {};
  const counts = (summary as { counts?: unknown }).counts ?? summary;
  if (typeof counts !== 'object' || counts === null) return {};
  return Object.fromEntries(
    Object.entries(counts).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
  );
}

/** A route the API does not serve yet (another team is adding it). */
export function isMissingRoute(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'http.route_not_found';
}

/** asOf: YYYY-MM-DD, or '' for today (then not sent). */
const asOfQuery = (asOf: string) => (asOf ? { asOf } : {});

export const gazetteerKeys = {
  unit: (code: string, asOf: string) => ['gazetteer', 'unit', code, asOf] as const,
  ancestors: (code: string, asOf: string) => ['gazetteer', 'ancestors', code, asOf] as const,
  children: (code: string, page: number, asOf: string) =>
    ['gazetteer', 'children', code, page, asOf] as const,
  counts: (code: string, asOf: string) => ['gazetteer', 'counts', code, asOf] as const,
  history: (code: string, page: number) => ['gazetteer', 'history', code, page] as const,
};

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

/** One unit, as it is today or as it was on asOf. */
export function useUnit(code: string, asOf: string) {
  return useQuery({
    queryKey: gazetteerKeys.unit(code, asOf),
    staleTime: 0,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/gazetteer/units/{code}', {
          params: { path: { code }, query: asOfQuery(asOf) },
          signal,
        }),
      ),
  });
}

export function useAncestors(code: string, asOf: string) {
  return useQuery({
    queryKey: gazetteerKeys.ancestors(code, asOf),
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/gazetteer/units/{code}/ancestors', {
          params: { path: { code }, query: asOfQuery(asOf) },
          signal,
        }),
      ),
  });
}

export const CHILDREN_PAGE_SIZE = 20;

export function useChildrenPage(code: string, page: number, asOf: string) {
  return useQuery({
    queryKey: gazetteerKeys.children(code, page, asOf),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/gazetteer/units/{code}/children', {
          params: {
            path: { code },
            query: { page, pageSize: CHILDREN_PAGE_SIZE, sort: 'code', ...asOfQuery(asOf) },
          },
          signal,
        }),
      ),
  });
}

/** How many units lie below a unit, by level and by type. */
export function fetchUnitCounts(code: string, asOf: string, signal: AbortSignal | undefined) {
  return call(
    api.GET('/api/gazetteer/units/{code}/counts', {
      params: { path: { code }, query: asOfQuery(asOf) },
      signal,
    }),
  );
}

export function useUnitCounts(code: string, asOf: string, enabled = true) {
  return useQuery({
    queryKey: gazetteerKeys.counts(code, asOf),
    enabled,
    queryFn: ({ signal }) => fetchUnitCounts(code, asOf, signal),
  });
}

/** The counts of many units at once (a map's regions). */
export function useManyUnitCounts(codes: readonly string[]) {
  return useQueries({
    queries: codes.map((code) => ({
      queryKey: gazetteerKeys.counts(code, ''),
      staleTime: 10 * 60_000,
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchUnitCounts(code, '', signal),
    })),
  });
}

export const HISTORY_PAGE_SIZE = 20;

export function useUnitHistory(code: string, page: number) {
  return useQuery({
    queryKey: gazetteerKeys.history(code, page),
    staleTime: 0,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/gazetteer/units/{code}/history', {
          params: { path: { code }, query: { page, pageSize: HISTORY_PAGE_SIZE } },
          signal,
        }),
      ),
  });
}

export interface ChangesQuery {
  from: string;
  to: string;
  kind: EventKind | '';
  within: string;
  page: number;
}

export const CHANGES_PAGE_SIZE = 25;

export function useChanges({ from, to, kind, within, page }: ChangesQuery) {
  return useQuery({
    queryKey: ['gazetteer', 'changes', { from, to, kind, within, page }],
    staleTime: 0,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/gazetteer/changes', {
          params: {
            query: {
              from,
              to,
              page,
              pageSize: CHANGES_PAGE_SIZE,
              sort: '-effectiveDate',
              ...(kind ? { kind } : {}),
              ...(within ? { within } : {}),
            },
          },
          signal,
        }),
      ),
  });
}

export function useUpdateUnit(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UnitPatch) =>
      call(api.PATCH('/api/gazetteer/units/{code}', { params: { path: { code } }, body })),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['gazetteer'] }),
        client.invalidateQueries({ queryKey: ['audit'] }),
      ]),
  });
}

export function useUnitSearch(q: string, limit = 10) {
  const term = q.trim();
  return useQuery({
    queryKey: ['gazetteer', 'search', term, limit],
    enabled: term.length > 0,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(api.GET('/api/gazetteer/search', { params: { query: { q: term, limit } }, signal })),
  });
}

/** A unit's outline; null when no boundary has been imported for it. */
export function useUnitBoundary(code: string) {
  return useQuery({
    queryKey: ['gazetteer', 'boundary', code],
    staleTime: 60 * 60_000,
    queryFn: async ({ signal }) => {
      try {
        const outline = await call(
          api.GET('/api/gazetteer/units/{code}/boundary', { params: { path: { code } }, signal }),
        );
        return asGeoJson(outline);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

/** The organs sitting at a unit (council, board of governors, committees, offices), current members. */
export function useOrgans(code: string) {
  return useQuery({
    queryKey: ['councils', 'organs', code],
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/councils/units/{code}/organs', {
          params: { path: { code }, query: { page: 1, pageSize: 50, includeClosed: false } },
          signal,
        }),
      ),
  });
}

/** The one import contract's request (file, dryRun, applyValid) and the date the changes took effect. */
export interface ImportInput extends ImportRequest {
  effectiveDate: string;
}

export function useRunImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun, effectiveDate, applyValid }: ImportInput) =>
      call(
        api.POST('/api/gazetteer/imports', {
          params: { query: { dryRun, effectiveDate, applyValid } },
          // The body is the file itself (a workbook or a CSV), sent as it is.
          body: file,
          bodySerializer: (body) => body,
          headers: {
            'content-type': importContentType(file),
            'x-file-name': encodeURIComponent(file.name),
          },
        }),
      ),
    onSuccess: (_answer, input) =>
      input.dryRun
        ? client.invalidateQueries({ queryKey: ['gazetteer', 'imports'] })
        : client.invalidateQueries({ queryKey: ['gazetteer'] }),
  });
}

export function importContentType(file: File): string {
  if (file.name.toLowerCase().endsWith('.csv')) return 'text/csv';
  return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
}

export const IMPORTS_PAGE_SIZE = 20;

export function useImports(page: number) {
  return useQuery({
    queryKey: ['gazetteer', 'imports', page],
    staleTime: 0,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/gazetteer/imports', {
          params: { query: { page, pageSize: IMPORTS_PAGE_SIZE } },
          signal,
        }),
      ),
  });
}

export interface UnitMergeInput {
  intoCode: string;
  effectiveDate: string;
  legalReference: string;
}

export interface SplitPartInput {
  code: string;
  nameKm: string;
  nameLatin: string;
}

export interface UnitSplitInput {
  effectiveDate: string;
  legalReference: string;
  parts: SplitPartInput[];
  keepOriginal: boolean;
}

/** Merges (absorbs) a unit into a sibling, or splits it into new units: national, audited. */
export function useRestructureUnit(code: string) {
  const client = useQueryClient();
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['gazetteer'] }),
      client.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  const merge = useMutation({
    mutationFn: (body: UnitMergeInput) =>
      call(api.POST('/api/gazetteer/units/{code}/merge', { params: { path: { code } }, body })),
    onSuccess: refresh,
  });
  const split = useMutation({
    mutationFn: (body: UnitSplitInput) =>
      call(api.POST('/api/gazetteer/units/{code}/split', { params: { path: { code } }, body })),
    onSuccess: refresh,
  });
  return { merge, split };
}

/**
 * The figures stored by the transfers module (population, poverty rate, ...): each indicator
 * and year, for colouring the map. An empty list when there are none (or no transfers module).
 */
export function useAvailableFigures() {
  return useQuery({
    queryKey: ['transfers', 'indicators', 'available'],
    staleTime: 10 * 60_000,
    queryFn: async ({ signal }) =>
      (await call(api.GET('/api/transfers/indicators/available', { signal }))).items,
  });
}

/** One figure of one year for the units of a level (within a province below level 1); at most 500. */
export function useFigureValues(indicator: string, fiscalYear: number, level: number, within: string) {
  return useQuery({
    queryKey: ['transfers', 'indicators', { indicator, fiscalYear, level, within }],
    queryFn: async ({ signal }) =>
      (
        await call(
          api.GET('/api/transfers/indicators', {
            params: {
              query: { indicator, fiscalYear, level, page: 1, pageSize: 500, ...(within ? { within } : {}) },
            },
            signal,
          }),
        )
      ).items,
  });
}
