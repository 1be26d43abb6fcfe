import { describe, expect, it } from 'vitest';
import { anApproval } from '@/testing/control-plane-fixtures';
import { approvalText } from './approval-item';

describe('approvalText', () => {
  it('shows every line of a shell command, not the one-line summary', () => {
    const approval = anApproval({ summary: 'echo hello …', input: { command: 'echo hello\nrm -rf build', description: '/greet' } });
    expect(approvalText(approval)).toBe('echo hello\nrm -rf build');
  });

  it('shows the whole input of other tools', () => {
    const approval = anApproval({ tool: 'Edit', summary: 'src/a.ts', input: { file_path: 'src/a.ts', new_string: 'x' } });
    expect(approvalText(approval)).toContain('"new_string": "x"');
  });

  it('falls back to the summary when the input is empty', () => {
    expect(approvalText(anApproval({ summary: 'mcp__db__query', input: null }))).toBe('mcp__db__query');
  });
});
