import { api } from '@/lib/api-client';
import { useWriteThenRefresh } from '@/lib/record-mutations';
import type { PolicyInput, PolicyWritten } from '../types';
import { permissionKeys } from './permission-keys';

/** `POST /api/permission-policies`; 409 `PERMISSION_POLICY_SLUG_TAKEN` for a slug you (or a built-in) already use. */
export const createPolicy = async (input: PolicyInput): Promise<PolicyWritten> => {
  const { data } = await api.post<PolicyWritten>('/api/permission-policies', input);
  return data;
};

// The policies read model is written with the event, so one refetch shows the new policy.
export const useCreatePolicy = () => useWriteThenRefresh(createPolicy, permissionKeys.policyLists());
