import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { SignupPolicy } from '../types';
import { adminKeys } from './admin-keys';

export const setSignupPolicy = async (policy: SignupPolicy): Promise<SignupPolicy> => {
  const { data } = await api.put<{ policy: SignupPolicy }>('/api/admin/signup-policy', { policy });
  return data?.policy ?? policy;
};

export const useSetSignupPolicy = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setSignupPolicy,
    onSuccess: (policy) => queryClient.setQueryData(adminKeys.signupPolicy(), policy),
  });
};
