import { ActionError } from '@/components/action-error';
import { BusyButton } from '@/components/busy-button';
import { useCancelToolCall } from '../api/cancel-tool-call';

/** Stops a run that waits or runs; one click, the trail records who cancelled. */
export const CancelRunButton = ({ id }: { id: string }) => {
  const cancel = useCancelToolCall();
  return (
    <>
      <BusyButton
        busy={cancel.isPending}
        busyLabel="Cancelling…"
        className="button button--danger-ghost"
        onClick={() => cancel.mutate({ id })}
        data-testid="run-cancel"
      >
        Cancel run
      </BusyButton>
      <ActionError error={cancel.error} prefix="Not cancelled: " />
    </>
  );
};
