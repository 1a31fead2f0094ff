/**
 * The signed-in user, from GET /api/auth/me through TanStack Query: a 401 means signed out
 * (null in the cache), not an error. Sign-in and sign-out write the answer into the same cache
 * entry, which the API client's CSRF middleware reads.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { api, call, ME_QUERY_KEY, type MeAnswer, type SessionUser } from './api/client.ts';
import { ApiError, normaliseError, toApiError } from './api/problem.ts';
import { holdsAt } from './scope.ts';

export type SessionStatus = 'loading' | 'signed-out' | 'signed-in' | 'error';

export interface Session {
  status: SessionStatus;
  user: SessionUser | null;
  error: unknown;
  /** True when one of the user's role assignments carries the permission (at any unit). */
  can: (permission: string) => boolean;
  /** True when the user holds a national assignment (unit null) carrying the permission. */
  canNationally: (permission: string) => boolean;
  /** The units where the user holds the permission; null in the list means national. */
  unitsWhere: (permission: string) => (string | null)[];
  /** True when the user holds the permission at this unit, above it, or nationally (null: the national level). */
  holdsAt: (permission: string, unitCode: string | null) => boolean;
  refetch: () => Promise<unknown>;
}

export async function fetchMe(signal?: AbortSignal): Promise<MeAnswer | null> {
  try {
    const { data, error, response } = await api.GET('/api/auth/me', { signal });
    if (response.status === 401) return null;
    if (!response.ok || data === undefined) throw toApiError(error, response);
    return data;
  } catch (err) {
    throw normaliseError(err);
  }
}

export function useMe() {
  return useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: ({ signal }) => fetchMe(signal),
    // The session can end on the server at any time; look again when the user comes back.
    staleTime: 60_000,
  });
}

export function hasPermission(user: SessionUser | null, permission: string): boolean {
  return user?.assignments.some((a) => a.permissions.includes(permission)) ?? false;
}

export function useSession(): Session {
  const query = useMe();
  const user = query.data?.user ?? null;
  const { refetch } = query;
  return useMemo(() => {
    const status: SessionStatus = query.isPending
      ? 'loading'
      : query.isError
        ? 'error'
        : user
          ? 'signed-in'
          : 'signed-out';
    const unitsWhere = (permission: string) =>
      (user?.assignments ?? []).filter((a) => a.permissions.includes(permission)).map((a) => a.unitCode);
    return {
      status,
      user,
      error: query.error,
      can: (permission) => hasPermission(user, permission),
      canNationally: (permission) => unitsWhere(permission).includes(null),
      unitsWhere,
      holdsAt: (permission, unitCode) => holdsAt(unitsWhere(permission), unitCode),
      refetch,
    };
  }, [query.isPending, query.isError, query.error, user, refetch]);
}

/** Another person's data must not stay in memory after a change of account. */
function forgetPrivateData(client: QueryClient): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'gazetteer' && q.queryKey[0] !== 'auth' });
  client.removeQueries({ queryKey: ['auth', 'tokens'] });
}

export interface SignInInput {
  login: string;
  password: string;
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInInput) => call(api.POST('/api/auth/sign-in', { body: input })),
    onSuccess: (answer) => {
      forgetPrivateData(client);
      client.setQueryData<MeAnswer | null>(ME_QUERY_KEY, answer);
    },
  });
}

/**
 * Signs out, then goes to the home page (public) before the session data is forgotten. With
 * `everywhere`, every session of the person ends and every API token is revoked.
 */
export function useSignOut({ everywhere = false }: { everywhere?: boolean } = {}) {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      try {
        if (everywhere) await call(api.POST('/api/auth/sign-out-everywhere'));
        else await call(api.POST('/api/auth/sign-out'));
      } catch (err) {
        // Already signed out on the server: the goal is reached.
        if (!(err instanceof ApiError && err.code === 'auth.unauthenticated')) throw err;
      }
    },
    onSuccess: async () => {
      // Leave first: a page that needs a session would otherwise send the visitor to sign in.
      // The wait is bounded: a navigation that another one supersedes never settles, and the
      // visitor must be signed out in the page whatever happens to it.
      await Promise.race([navigate('/'), new Promise((resolve) => setTimeout(resolve, 1_500))]);
      client.setQueryData<MeAnswer | null>(ME_QUERY_KEY, null);
      forgetPrivateData(client);
    },
  });
}

/** A path inside the app to return to after signing in; anything else falls back to the home page. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/sign-in')) return '/';
  return next;
}
