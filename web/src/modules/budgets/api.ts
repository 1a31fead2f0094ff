/**
 * The budgets API through TanStack Query: a unit's budget for a year (any version), the
 * classifications, the report, and the changes (open a budget, lines, the council's decision,
 * approval, adjustments, quarterly actuals) and the BOOST import. Every key starts with
 * 'budgets' so that a change refreshes everything that shows it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client.ts';
import type { paths } from '../../lib/api/schema.d.ts';
import type { ImportReportBase, ImportRequest } from '../../lib/import-report.ts';

type BudgetPath = paths['/api/budgets/units/{code}/years/{year}'];
export type Budget = BudgetPath['get']['responses'][200]['content']['application/json'];
export type BudgetLine = Budget['lines'][number];
export type BudgetVersion = Budget['versions'][number];
export type Classifications =
  paths['/api/budgets/classifications']['get']['responses'][200]['content']['application/json'];
export type Report =
  paths['/api/budgets/units/{code}/years/{year}/report']['get']['responses'][200]['content']['application/json'];
export type Figures = Report['revenue'];
/**
 * The BOOST import's report (the API's BoostImportReport): the one import contract's base and the
 * budgets the file makes. Written here until the generated types (schema.d.ts) are regenerated
 * from the API's OpenAPI document (npm run openapi).
 */
export type BoostImportReport = ImportReportBase & {
  budgets: {
    unitCode: string;
    fiscalYear: number;
    lines: number;
    revenueApproved: number;
    expenditureApproved: number;
    executed: number;
    budgetId: number | null;
  }[];
};
export type LineBody = paths['/api/budgets/{id}/lines']['post']['requestBody']['content']['application/json'];
export type AdjustmentBody =
  paths['/api/budgets/{id}/adjustments']['post']['requestBody']['content']['application/json'];
export type ActualsBody =
  paths['/api/budgets/lines/{id}/actuals']['put']['requestBody']['content']['application/json'];

export function useBudget(code: string, year: number, version?: number) {
  return useQuery({
    queryKey: ['budgets', 'budget', code, year, version ?? null],
    enabled: /^([0-9]{2}){1,3}$/.test(code) && Number.isInteger(year),
    // A 404 is an answer (no published budget), not a failure to retry.
    retry: false,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/budgets/units/{code}/years/{year}', {
          params: { path: { code, year }, query: version ? { version } : {} },
          signal,
        }),
      ),
  });
}

export function useClassifications(enabled = true) {
  return useQuery({
    queryKey: ['budgets', 'classifications'],
    enabled,
    staleTime: 30 * 60_000,
    queryFn: ({ signal }) => call(api.GET('/api/budgets/classifications', { signal })),
  });
}

export function useReport(code: string, year: number, rollup: boolean) {
  return useQuery({
    queryKey: ['budgets', 'report', code, year, rollup],
    retry: false,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/budgets/units/{code}/years/{year}/report', {
          params: { path: { code, year }, query: { rollup } },
          signal,
        }),
      ),
  });
}

/** After any change the budget, its report and the unit's list are read again. */
function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['budgets'] });
}

export function useCreateBudget(code: string, year: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () =>
      call(api.POST('/api/budgets/units/{code}/years/{year}', { params: { path: { code, year } } })),
    onSuccess: refresh,
  });
}

export function useAddLine(budgetId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: LineBody) =>
      call(api.POST('/api/budgets/{id}/lines', { params: { path: { id: budgetId } }, body })),
    onSuccess: refresh,
  });
}

export function useUpdateLine() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: Partial<LineBody> }) =>
      call(api.PATCH('/api/budgets/lines/{id}', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useDeleteLine() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: number) => call(api.DELETE('/api/budgets/lines/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

export function useRecordDecision(budgetId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { number: string; date: string }) =>
      call(api.PUT('/api/budgets/{id}/council-decision', { params: { path: { id: budgetId } }, body })),
    onSuccess: refresh,
  });
}

/** Approves with the decision picked (its id), or with the typed legacy reference recorded. */
export function useApproveBudget(budgetId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (councilDecisionId?: number) =>
      call(
        api.POST('/api/budgets/{id}/approve', {
          params: { path: { id: budgetId } },
          body: councilDecisionId === undefined ? {} : { councilDecisionId },
        }),
      ),
    onSuccess: refresh,
  });
}

export type CouncilDecision =
  paths['/api/councils/decisions/{id}']['get']['responses'][200]['content']['application/json'];

/**
 * The decisions a budget's approval may point at: passed, of kind approve_budget, by the unit's
 * council, taken on or before `day` (the approval's date), latest first.
 */
export function useApprovingDecisions(unitCode: string, day: string) {
  return useQuery({
    queryKey: ['budgets', 'approving-decisions', unitCode, day],
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/councils/decisions', {
          params: {
            query: {
              unit: unitCode,
              organKind: 'council',
              kind: 'approve_budget',
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

/** The decision a budget's approval points at (its title and link on the budget's page). */
export function useCouncilDecision(id: number | null) {
  return useQuery({
    queryKey: ['budgets', 'council-decision', id],
    enabled: id !== null,
    staleTime: 10 * 60_000,
    queryFn: ({ signal }) =>
      call(api.GET('/api/councils/decisions/{id}', { params: { path: { id: id! } }, signal })),
  });
}

export function useAdjustBudget(budgetId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: AdjustmentBody) =>
      call(api.POST('/api/budgets/{id}/adjustments', { params: { path: { id: budgetId } }, body })),
    onSuccess: refresh,
  });
}

export function useRecordActuals() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: ActualsBody }) =>
      call(api.PUT('/api/budgets/lines/{id}/actuals', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

/**
 * The BOOST-style CSV, under the one import contract: a dry run, then apply (a file with
 * problems is refused with 422 budgets.import.has_problems unless applyValid is set).
 */
export function useImportBoost() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ file, dryRun, applyValid }: ImportRequest) =>
      // The body is the file itself (text/csv), sent as it is.
      call(
        api.POST('/api/budgets/imports', {
          params: { query: { dryRun, applyValid } },
          body: file,
          bodySerializer: (body) => body,
          headers: { 'content-type': 'text/csv', 'x-file-name': encodeURIComponent(file.name) },
        }),
      ),
    onSuccess: (result) => (result.applied ? refresh() : undefined),
  });
}
