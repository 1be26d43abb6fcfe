import { useMutation } from '@tanstack/react-query';
import { api, isApiError } from '@/lib/api-client';

/** `POST /logout`: ends this browser's session. */
export const signOut = async (): Promise<void> => {
  try {
    await api.post<void>('/logout');
  } catch (error) {
    // Already signed out (the session ended meanwhile): that is what was asked for.
    if (!(isApiError(error) && error.status === 401)) throw error;
  }
};

/** Pair with `useLeaveAfterSignOut` in `onSuccess`. */
export const useSignOut = () => useMutation({ mutationFn: signOut });
