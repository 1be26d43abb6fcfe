import { errorMessage } from '@/lib/api-client';
import { useDeleteCommand } from '../api/delete-command';
import { useExportCommand } from '../api/export-command';

export const CommandExportButton = ({ id, name }: { id: string; name: string }) => {
  const exportCommand = useExportCommand();
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={exportCommand.isPending}
        onClick={() => exportCommand.mutate({ id, name })}
        data-testid="command-export"
      >
        {exportCommand.isPending ? 'Exporting…' : 'Export .md'}
      </button>
      {exportCommand.isError && (
        <span role="alert" className="field__error">
          Export failed: {errorMessage(exportCommand.error)}
        </span>
      )}
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
      <button type="button" className="button button--danger-ghost" disabled={remove.isPending} onClick={ask} data-testid="command-delete">
        {remove.isPending ? 'Deleting…' : 'Delete'}
      </button>
      {remove.isError && (
        <span role="alert" className="field__error">
          Not deleted: {errorMessage(remove.error)}
        </span>
      )}
    </>
  );
};
