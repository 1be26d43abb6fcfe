import { ActionError } from '@/components/action-error';
import { DangerButton } from '@/components/danger-button';
import { useCancelRun } from '../api/cancel-run';

/** Stops a run that is running or waiting for an approval; one click. */
export const CancelRunButton = ({ runId }: { runId: string }) => {
  const cancel = useCancelRun();
  return (
    <>
      <DangerButton busy={cancel.isPending} busyLabel="Stopping…" onConfirm={() => cancel.mutate(runId)} data-testid="agent-run-cancel">
        Cancel
      </DangerButton>
      <ActionError error={cancel.error} prefix="Not cancelled: " />
    </>
  );
};
