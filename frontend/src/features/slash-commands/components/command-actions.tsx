import { useDeleteCommand } from '../api/delete-command';
import { useExportCommand } from '../api/export-command';
import { ActionError } from '@/components/action-error';
import { BusyButton } from '@/components/busy-button';

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
  const ask = () => {
    if (window.confirm(`Delete /${name}? Its past runs stay in the runs list.`)) remove.mutate({ id }, { onSuccess: onDeleted });
  };
  return (
    <>
      <BusyButton
        busy={remove.isPending}
        busyLabel="Deleting…"
        className="button button--danger-ghost"
        onClick={ask}
        data-testid="command-delete"
      >
        Delete
      </BusyButton>
      <ActionError error={remove.error} prefix="Not deleted: " />
    </>
  );
};
