import { api } from '@/lib/api-client';
import { useWriteThenRefresh } from '@/lib/record-mutations';
import type { Invitation } from '../types';
import { adminKeys } from './admin-keys';

export type InviteUserInput = { email: string };

export const inviteUser = async ({ email }: InviteUserInput): Promise<Invitation> => {
  const { data } = await api.post<Invitation>('/api/admin/invitations', { email: email.trim() });
  return data;
};

export const useInviteUser = () => useWriteThenRefresh(inviteUser, adminKeys.invitationLists());
