import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { GithubLink } from '../types';
import { accountKeys } from './account-keys';

export const getGithubLink = async (signal?: AbortSignal): Promise<GithubLink> => {
  const { data } = await api.get<GithubLink>('/api/me/github', { signal });
  return data;
};

export const useGithubLink = () => useQuery({ queryKey: accountKeys.github(), queryFn: ({ signal }) => getGithubLink(signal) });

/** A browser navigation, not a request: the node redirects to GitHub and back to `/settings?github=linked|failed`. */
export const GITHUB_CONNECT_URL = '/oauth2/authorization/github';
