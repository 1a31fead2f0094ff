/** The notifications API as the pages use it. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client.ts';
import type { paths } from '../../lib/api/schema.d.ts';

type Route = paths['/api/notifications/preferences'];
export type Preferences = Route['get']['responses'][200]['content']['application/json'];
export type PreferencesBody = Route['put']['requestBody']['content']['application/json'];

const KEY = ['notifications', 'preferences'] as const;

export function usePreferences() {
  return useQuery({
    queryKey: KEY,
    staleTime: 0,
    queryFn: ({ signal }) => call(api.GET('/api/notifications/preferences', { signal })),
  });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PreferencesBody) => call(api.PUT('/api/notifications/preferences', { body })),
    onSuccess: (answer) => client.setQueryData(KEY, answer),
  });
}
