import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { PolicyInput, PolicyWritten } from '../types';
import { permissionKeys } from './permission-keys';

export type UpdatePolicyInput = { slug: string; patch: Partial<Omit<PolicyInput, 'slug'>>; expectedVersion?: number };

/** `PATCH /api/permission-policies/{slug}` with `If-Match`, so a change made elsewhere meanwhile is not overwritten. */
export const updatePolicy = async ({ slug, patch, expectedVersion }: UpdatePolicyInput): Promise<PolicyWritten> => {
  const { data } = await api.patch<PolicyWritten>(`/api/permission-policies/${encodeURIComponent(slug)}`, patch, { expectedVersion });
  return data;
};

export const useUpdatePolicy = () => {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: permissionKeys.policyLists() });
  // A 412 means someone saved first: reload theirs so the form can start from it.
  return useMutation({ mutationFn: updatePolicy, onSuccess: refresh, onError: refresh });
};
