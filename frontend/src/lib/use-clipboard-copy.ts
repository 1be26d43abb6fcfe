import { useState } from 'react';

export type CopyState = 'idle' | 'copied' | 'failed';

/** Copies {@code text} to the clipboard on demand, and says whether the browser let it. */
export const useClipboardCopy = (text: string): [CopyState, () => Promise<void>] => {
  const [state, setState] = useState<CopyState>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return [state, copy];
};
