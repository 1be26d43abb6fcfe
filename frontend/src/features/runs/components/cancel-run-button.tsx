import { ActionError } from '@/components/action-error';
import { BusyButton } from '@/components/busy-button';
import { useCancelRun } from '../api/cancel-run';

/** Stops a run that is running or waiting for an approval; one click. */
export const CancelRunButton = ({ runId }: { runId: string }) => {
  const cancel = useCancelRun();
  return (
    <>
      <BusyButton
        busy={cancel.isPending}
        busyLabel="Stopping…"
        className="button button--danger-ghost"
        onClick={() => cancel.mutate(runId)}
        data-testid="agent-run-cancel"
      >
        Cancel
      </BusyButton>
      <ActionError error={cancel.error} prefix="Not cancelled: " />
    </>
  );
};
