import { useClipboardCopy } from '@/lib/use-clipboard-copy';

export type CopyIdProps = { id: string; what: string; testId?: string };

/**
 * A record's id for scripts and the API, without printing a raw UUID where people read names: a button that copies it
 * (the id in its tooltip), saying whether the browser let it.
 */
export const CopyId = ({ id, what, testId }: CopyIdProps) => {
  const [state, copy] = useClipboardCopy(id);
  return (
    <button
      type="button"
      className="link-button"
      title={`${what} id ${id}`}
      aria-label={`Copy the ${what} id`}
      onClick={() => void copy()}
      data-testid={testId}
    >
      {state === 'copied' ? 'id copied ✓' : state === 'failed' ? 'copy refused: see the tooltip' : 'copy id'}
    </button>
  );
};
