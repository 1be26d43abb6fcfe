/**
 * `Bash(git add:*), Read` → `['Bash(git add:*)', 'Read']`: commas (and new lines) separate tools,
 * except inside a rule's parentheses.
 */
export const parseToolList = (text: string): string[] => {
  const tools: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth = Math.max(0, depth - 1);
    if ((char === ',' || char === '\n') && depth === 0) {
      if (current.trim()) tools.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  if (current.trim()) tools.push(current.trim());
  return tools;
};

export const formatToolList = (tools: readonly string[] | null | undefined): string => (tools ?? []).join(', ');
