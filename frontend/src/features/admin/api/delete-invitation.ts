import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { adminKeys } from './admin-keys';

export type DeleteInvitationInput = { email: string };

export const deleteInvitation = async ({ email }: DeleteInvitationInput): Promise<void> => {
  await api.delete<void>(`/api/admin/invitations/${encodeURIComponent(email)}`);
};

export const useDeleteInvitation = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.invitationLists() }),
  });
};
