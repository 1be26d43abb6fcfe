import { api } from '@/lib/api-client';
import { useWriteThenRefresh } from '@/lib/record-mutations';
import { adminKeys } from './admin-keys';

export type DeleteInvitationInput = { email: string };

export const deleteInvitation = async ({ email }: DeleteInvitationInput): Promise<void> => {
  await api.delete<void>(`/api/admin/invitations/${encodeURIComponent(email)}`);
};

export const useDeleteInvitation = () => useWriteThenRefresh(deleteInvitation, adminKeys.invitationLists());
