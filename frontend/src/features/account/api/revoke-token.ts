import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { accountKeys } from './account-keys';

export type RevokeTokenInput = { id: string };

/** `DELETE /api/me/tokens/{id}`: the token stops working at once. */
export const revokeToken = async ({ id }: RevokeTokenInput): Promise<void> => {
  await api.delete<void>(`/api/me/tokens/${encodeURIComponent(id)}`);
};

export const useRevokeToken = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokenLists() }),
  });
};
