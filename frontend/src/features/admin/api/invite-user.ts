import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Invitation } from '../types';
import { adminKeys } from './admin-keys';

export type InviteUserInput = { email: string };

export const inviteUser = async ({ email }: InviteUserInput): Promise<Invitation> => {
  const { data } = await api.post<Invitation>('/api/admin/invitations', { email: email.trim() });
  return data;
};

export const useInviteUser = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.invitationLists() }),
  });
};
