/** A file as the import endpoints take it: where it came from and its text. */
export type TextFile = { path: string; content: string };

const readText = (file: File): Promise<string> =>
  typeof file.text === 'function'
    ? file.text()
    : new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result ?? ''));
        reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
        reader.readAsText(file);
      });

/** Reads picked files as text, keeping a folder pick's relative path (`.claude/commands/git/push.md`). */
export const readTextFiles = async (files: Iterable<File>): Promise<TextFile[]> =>
  Promise.all(
    [...files].map(async (file) => ({
      path: (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name,
      content: await readText(file),
    })),
  );
