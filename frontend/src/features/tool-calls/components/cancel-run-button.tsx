import { errorMessage } from '@/lib/api-client';
import { useCancelToolCall } from '../api/cancel-tool-call';

/** Stops a run that waits or runs; one click, the trail records who cancelled. */
export const CancelRunButton = ({ id }: { id: string }) => {
  const cancel = useCancelToolCall();
  return (
    <>
      <button
        type="button"
        className="button button--danger-ghost"
        disabled={cancel.isPending}
        onClick={() => cancel.mutate({ id })}
        data-testid="run-cancel"
      >
        {cancel.isPending ? 'Cancelling…' : 'Cancel run'}
      </button>
      {cancel.isError && (
        <span role="alert" className="field__error">
          Not cancelled: {errorMessage(cancel.error)}
        </span>
      )}
    </>
  );
};
