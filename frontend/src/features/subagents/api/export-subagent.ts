import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { saveFile } from '@/lib/download';

/** `GET /api/subagents/{id}/export`: the Claude Code agent file, as markdown. */
export const exportSubagent = async ({ id }: { id: string; name: string }): Promise<string> => {
  const { data } = await api.text(`/api/subagents/${encodeURIComponent(id)}/export`);
  return data;
};

export const useExportSubagent = () =>
  useMutation({ mutationFn: exportSubagent, onSuccess: (markdown, { name }) => saveFile(`${name}.md`, markdown, 'text/markdown;charset=utf-8') });
