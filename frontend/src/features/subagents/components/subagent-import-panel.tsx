import { FileImport } from '@/components/file-import';
import { useImportSubagents } from '../api/import-subagents';

const SAMPLE = `---
name: code-reviewer
description: Reviews code for quality and security. Use after every change.
tools: Read, Grep, Glob
model: sonnet
---
You are a senior code reviewer…`;

/** Claude Code's `.claude/agents/*.md` files in. */
export const SubagentImportPanel = () => {
  const importSubagents = useImportSubagents();
  return (
    <FileImport
      what="subagents"
      pathPlaceholder=".claude/agents/code-reviewer.md"
      contentPlaceholder={SAMPLE}
      importer={importSubagents}
      linkTo={(id) => `/subagents/${id}`}
      testIdPrefix="subagent-import"
    />
  );
};
