import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { SignupPolicy } from '../types';
import { adminKeys } from './admin-keys';

export const getSignupPolicy = async (signal?: AbortSignal): Promise<SignupPolicy> => {
  const { data } = await api.get<{ policy: SignupPolicy }>('/api/admin/signup-policy', { signal });
  return data.policy;
};

export const useSignupPolicy = () =>
  useQuery({ queryKey: adminKeys.signupPolicy(), queryFn: ({ signal }) => getSignupPolicy(signal) });
