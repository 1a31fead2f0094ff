import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, ME_QUERY_KEY } from '../../lib/api/client.ts';
import type { paths } from '../../lib/api/schema.d.ts';

export type Role =
  paths['/api/access/roles']['get']['responses'][200]['content']['application/json']['items'][number];
export type UserListQuery = NonNullable<paths['/api/access/users']['get']['parameters']['query']>;
export type CreateUserBody = paths['/api/access/users']['post']['requestBody']['content']['application/json'];
export type UpdateUserBody =
  paths['/api/access/users/{id}']['patch']['requestBody']['content']['application/json'];
export type ApiToken =
  paths['/api/auth/tokens']['get']['responses'][200]['content']['application/json']['items'][number];

export const accessKeys = {
  roles: ['access', 'roles'] as const,
  users: (query: UserListQuery) => ['access', 'users', query] as const,
  user: (id: number) => ['access', 'user', id] as const,
  tokens: ['auth', 'tokens'] as const,
};

/** Whether sign-in with the national digital identity (OpenID Connect) is set up here. */
export function useNationalSignIn() {
  return useQuery({
    queryKey: ['auth', 'oidc'],
    staleTime: 60 * 60_000,
    queryFn: ({ signal }) => call(api.GET('/api/auth/oidc', { signal })),
  });
}

export function useRoles() {
  return useQuery({
    queryKey: accessKeys.roles,
    queryFn: ({ signal }) => call(api.GET('/api/access/roles', { signal })),
  });
}

export function useUsers(query: UserListQuery) {
  return useQuery({
    queryKey: accessKeys.users(query),
    staleTime: 0,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => call(api.GET('/api/access/users', { params: { query }, signal })),
  });
}

export function useUser(id: number) {
  return useQuery({
    queryKey: accessKeys.user(id),
    staleTime: 0,
    queryFn: ({ signal }) => call(api.GET('/api/access/users/{id}', { params: { path: { id } }, signal })),
  });
}

/** After any change to accounts: lists, the account, and its history are stale. */
function useInvalidateAccounts() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['access', 'users'] }),
      client.invalidateQueries({ queryKey: ['access', 'user'] }),
      client.invalidateQueries({ queryKey: ['audit'] }),
    ]);
}

export function useCreateUser() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (body: CreateUserBody) => call(api.POST('/api/access/users', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateUser(id: number) {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (body: UpdateUserBody) =>
      call(api.PATCH('/api/access/users/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useResetPassword(id: number) {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (newPassword: string) =>
      call(
        api.POST('/api/access/users/{id}/password-reset', {
          params: { path: { id } },
          body: { newPassword },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useGrantRole(id: number) {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (body: { roleCode: string; unitCode: string | null }) =>
      call(api.POST('/api/access/users/{id}/assignments', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useRevokeAssignment() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (assignmentId: number) =>
      call(api.DELETE('/api/access/assignments/{id}', { params: { path: { id: assignmentId } } })),
    onSuccess: invalidate,
  });
}

export function useChangeOwnPassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      call(api.POST('/api/auth/password', { body })),
    // mustChangePassword is now false: ask /me again before leaving the form.
    onSuccess: () => client.invalidateQueries({ queryKey: ME_QUERY_KEY }),
  });
}

export function useTokens() {
  return useQuery({
    queryKey: accessKeys.tokens,
    staleTime: 0,
    queryFn: ({ signal }) => call(api.GET('/api/auth/tokens', { signal })),
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; expiresInDays: number }) =>
      call(api.POST('/api/auth/tokens', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: accessKeys.tokens }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(api.DELETE('/api/auth/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: accessKeys.tokens }),
  });
}

// ------------------------------------------------------------------ citizens' accounts by phone

export type SignUpBody = paths['/api/auth/sign-up']['post']['requestBody']['content']['application/json'];
export type RecoveryBody = paths['/api/auth/recovery']['post']['requestBody']['content']['application/json'];

/** Asks for a code by SMS: to sign up, or to recover a password. */
export function useRequestCode(purpose: 'sign-up' | 'recovery') {
  return useMutation({
    mutationFn: (phone: string) =>
      purpose === 'sign-up'
        ? call(api.POST('/api/auth/sign-up/code', { body: { phone } }))
        : call(api.POST('/api/auth/recovery/code', { body: { phone } })),
  });
}

/** Creates the citizen's account with the code; the person is then signed in. */
export function useSignUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SignUpBody) => call(api.POST('/api/auth/sign-up', { body })),
    onSuccess: (answer) => client.setQueryData(ME_QUERY_KEY, answer),
  });
}

export function useRecoverPassword() {
  return useMutation({
    mutationFn: (body: RecoveryBody) => call(api.POST('/api/auth/recovery', { body })),
  });
}

/** The signed-in citizen deletes their account; then nobody is signed in here. */
export function useDeleteOwnAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => call(api.POST('/api/auth/account/delete', { body: { password } })),
    onSuccess: () => {
      client.setQueryData(ME_QUERY_KEY, null);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'gazetteer' && q.queryKey[0] !== 'auth' });
    },
  });
}
