import { ActionError } from '@/components/action-error';
import { DangerButton } from '@/components/danger-button';
import { useCancelToolCall } from '../api/cancel-tool-call';

/** Stops a run that waits or runs; one click, the trail records who cancelled. */
export const CancelRunButton = ({ id }: { id: string }) => {
  const cancel = useCancelToolCall();
  return (
    <>
      <DangerButton busy={cancel.isPending} busyLabel="Cancelling…" onConfirm={() => cancel.mutate({ id })} data-testid="run-cancel">
        Cancel run
      </DangerButton>
      <ActionError error={cancel.error} prefix="Not cancelled: " />
    </>
  );
};
