/** The working-day calendar's routes through TanStack Query. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../lib/api/client.ts';
import type { paths } from '../../../lib/api/schema.d.ts';

export const MANAGE_CALENDAR = 'services.calendar.manage';

export type CalendarYear =
  paths['/api/services/calendar/{year}']['get']['responses'][200]['content']['application/json'];
export type Holiday = CalendarYear['holidays'][number];
export type ReplaceHolidaysBody = NonNullable<
  paths['/api/services/calendar/{year}']['put']['requestBody']
>['content']['application/json'];

const yearKey = (year: number) => ['services', 'calendar', year] as const;

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: yearKey(year),
    queryFn: ({ signal }) =>
      call(api.GET('/api/services/calendar/{year}', { params: { path: { year } }, signal })),
  });
}

export function useDueDate(request: { from: string; days: number } | null) {
  return useQuery({
    queryKey: ['services', 'calendar', 'due-date', request],
    enabled: request !== null,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/services/calendar/due-date', {
          params: { query: { from: request?.from ?? '', days: request?.days ?? 0 } },
          signal,
        }),
      ),
  });
}

/** Replaces a year's holidays; the stored list becomes the year's cached answer. */
export function useReplaceHolidays(year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReplaceHolidaysBody) =>
      call(api.PUT('/api/services/calendar/{year}', { params: { path: { year } }, body })),
    onSuccess: (stored) => {
      client.setQueryData(yearKey(year), stored);
      // Due dates computed before the edit may have changed.
      void client.invalidateQueries({ queryKey: ['services', 'calendar', 'due-date'] });
    },
  });
}
