import { useDeleteCommand } from '../api/delete-command';
import { useExportCommand } from '../api/export-command';
import { ActionError } from '@/components/action-error';
import { BusyButton } from '@/components/busy-button';
import { DangerButton } from '@/components/danger-button';

export const CommandExportButton = ({ id, name }: { id: string; name: string }) => {
  const exportCommand = useExportCommand();
  return (
    <>
      <BusyButton
        busy={exportCommand.isPending}
        busyLabel="Exporting…"
        onClick={() => exportCommand.mutate({ id, name })}
        data-testid="command-export"
      >
        Export .md
      </BusyButton>
      <ActionError error={exportCommand.error} prefix="Export failed: " />
    </>
  );
};

export const CommandDeleteButton = ({ id, name, onDeleted }: { id: string; name: string; onDeleted: () => void }) => {
  const remove = useDeleteCommand();
  return (
    <>
      <DangerButton
        busy={remove.isPending}
        busyLabel="Deleting…"
        confirm={`Delete /${name}? Its past runs stay in the runs list.`}
        onConfirm={() => remove.mutate({ id }, { onSuccess: onDeleted })}
        data-testid="command-delete"
      >
        Delete
      </DangerButton>
      <ActionError error={remove.error} prefix="Not deleted: " />
    </>
  );
};
