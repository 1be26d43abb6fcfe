import { FileImport } from '@/components/file-import';
import { useImportCommands } from '../api/import-commands';

const SAMPLE = `---
description: Push the current branch
argument-hint: [remote]
allowed-tools: Bash(git push:*)
---
git push "\${1:-origin}" HEAD`;

/** Claude Code's `.claude/commands/**\/*.md` files in, with what came in and what failed. */
export const CommandImportPanel = () => {
  const importCommands = useImportCommands();
  return (
    <FileImport
      what="commands"
      pathPlaceholder=".claude/commands/push.md"
      contentPlaceholder={SAMPLE}
      importer={importCommands}
      linkTo={(id) => `/slash-commands/${id}`}
      testIdPrefix="command-import"
    />
  );
};
