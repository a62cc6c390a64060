import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { signInOptionsQuery } from '../../auth/sign-in-options';

export type IdentityProvider = Schemas['IdentityProviderDto'];
export type ProviderProtocol = IdentityProvider['protocol'];
export type RoleSource = IdentityProvider['roleSource'];
export type MappedRole = Schemas['RoleMappingDto']['role'];

export const PROTOCOL_LABELS: Record<ProviderProtocol, string> = {
  oidc: 'OpenID Connect',
  saml: 'SAML 2.0',
};

/** The roles a group can give, by their Swedish names (docs/glossary.md). */
export const ROLE_LABELS: Record<MappedRole, string> = {
  admin: 'Administratör',
  secretary: 'Nämndsekreterare',
  department_head: 'Förvaltningschef',
  case_officer: 'Handläggare',
};

/** What a role is given for: a secretary serves an organ, a department head or case officer a förvaltning, an admin the whole municipality. */
export function roleScope(role: MappedRole): 'organ' | 'department' | 'municipality' {
  if (role === 'secretary') return 'organ';
  if (role === 'department_head' || role === 'case_officer') return 'department';
  return 'municipality';
}

const PROVIDERS_KEY = ['identity-providers'] as const;

export const identityProvidersQuery = queryOptions({
  queryKey: PROVIDERS_KEY,
  queryFn: () => call(api.GET('/api/v1/identity-providers')),
});

export function useIdentityProviders() {
  return useQuery(identityProvidersQuery);
}

/** The municipality's organs and förvaltningar, by name: what a role mapping is given for. */
export function useRoleScopes() {
  const organs = useQuery({
    queryKey: ['organs', 'all'],
    queryFn: () => call(api.GET('/api/v1/organs', { params: { query: { pageSize: 200 } } })),
    staleTime: 5 * 60_000,
  });
  const departments = useQuery({
    queryKey: ['departments', 'all'],
    queryFn: () => call(api.GET('/api/v1/departments', { params: { query: { pageSize: 200 } } })),
    staleTime: 5 * 60_000,
  });
  return { organs, departments };
}

/**
 * A change of the providers also changes what the sign-in page offers: both are asked again.
 */
function useRefreshProviders() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: PROVIDERS_KEY }),
      queryClient.invalidateQueries({ queryKey: signInOptionsQuery.queryKey }),
    ]);
}

export type ProviderBody = Schemas['CreateIdentityProviderDto'];
export type ProviderChange = Schemas['UpdateIdentityProviderDto'];

export function useCreateProvider() {
  const refresh = useRefreshProviders();
  return useMutation({
    mutationFn: (body: ProviderBody) => call(api.POST('/api/v1/identity-providers', { body })),
    onSuccess: () => refresh(),
  });
}

export function useUpdateProvider() {
  const refresh = useRefreshProviders();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: ProviderChange }) =>
      call(api.PATCH('/api/v1/identity-providers/{id}', { params: { path: { id } }, body: change })),
    onSuccess: () => refresh(),
  });
}

export function useRemoveProvider() {
  const refresh = useRefreshProviders();
  return useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/v1/identity-providers/{id}', { params: { path: { id } } })),
    // Not awaited: the question closes first, then the row goes (with the dialog that asked it).
    onSuccess: () => {
      void refresh();
    },
  });
}

export function useSetPasswordSignIn() {
  const refresh = useRefreshProviders();
  return useMutation({
    mutationFn: (passwordSignIn: boolean) => call(api.PUT('/api/v1/identity-providers/password-sign-in', { body: { passwordSignIn } })),
    onSuccess: () => refresh(),
  });
}
