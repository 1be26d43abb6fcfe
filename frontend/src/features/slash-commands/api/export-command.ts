import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { saveFile } from '@/lib/download';

/** `GET /api/slash-commands/{id}/export`: the Claude Code command file, as markdown. */
export const exportCommand = async ({ id }: { id: string; name: string }): Promise<string> => {
  const { data } = await api.text(`/api/slash-commands/${encodeURIComponent(id)}/export`);
  return data;
};

/** Downloads `<name>.md` (a namespaced `git:push` becomes `git-push.md`). */
export const useExportCommand = () =>
  useMutation({
    mutationFn: exportCommand,
    onSuccess: (markdown, { name }) => saveFile(`${name.replaceAll(':', '-')}.md`, markdown, 'text/markdown;charset=utf-8'),
  });
