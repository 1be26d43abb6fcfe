import { ActionError } from '@/components/action-error';
import { BusyButton } from '@/components/busy-button';
import { DangerButton } from '@/components/danger-button';
import { DetailPage } from '@/components/detail-page';
import { Loaded, NotFoundPage } from '@/components/detail-states';
import { OwnershipBadges } from '@/components/ownership-badges';
import { PageHeader } from '@/components/page-header';
import { Panel } from '@/components/panel';
import { formatToolList } from '@/lib/tool-list';
import { useDeleteSubagent } from '../api/delete-subagent';
import { useExportSubagent } from '../api/export-subagent';
import { useSubagent } from '../api/find-subagent';
import type { Subagent } from '../types';
import { PolicyAssignments } from './policy-assignments';
import { SubagentForm } from './subagent-form';

const Actions = ({ subagent, onDeleted }: { subagent: Subagent; onDeleted: () => void }) => {
  const exportSubagent = useExportSubagent();
  const remove = useDeleteSubagent();
  const failure = exportSubagent.error ?? remove.error;
  return (
    <>
      <BusyButton
        busy={exportSubagent.isPending}
        busyLabel="Exporting…"
        onClick={() => exportSubagent.mutate({ id: subagent.id, name: subagent.name })}
        data-testid="subagent-export"
      >
        Export .md
      </BusyButton>
      {subagent.mine && (
        <DangerButton
          busy={remove.isPending}
          busyLabel="Deleting…"
          confirm={`Delete the subagent “${subagent.name}”? Its rules and policy assignments go with it.`}
          onConfirm={() => remove.mutate({ id: subagent.id }, { onSuccess: onDeleted })}
          data-testid="subagent-delete"
        >
          Delete
        </DangerButton>
      )}
      <ActionError error={failure} />
    </>
  );
};

export const SubagentNotFound = ({ id }: { id: string }) => (
  <NotFoundPage title="Subagent not found" testId="subagent-not-found" backTo="/subagents" backLabel="Back to subagents">
    There is no subagent <code>{id}</code> you may see.
  </NotFoundPage>
);

/** One subagent: its definition, its permission policies, export and delete. */
const SubagentDetail = ({ subagent, onDeleted }: { subagent: Subagent; onDeleted: () => void }) => {
  return (
    <DetailPage
      testId="subagent-view"
      header={
        <PageHeader eyebrow="Subagent" title={subagent.name} actions={<Actions subagent={subagent} onDeleted={onDeleted} />}>
          <OwnershipBadges mine={subagent.mine} shared={subagent.shared} description={subagent.description} />
        </PageHeader>
      }
      main={
        <>
          {subagent.mine ? (
            <Panel title="Edit" labelledBy="subagent-edit-title">
              <SubagentForm mode="edit" subagent={subagent} />
            </Panel>
          ) : (
            <Panel title="Prompt" labelledBy="subagent-prompt-title">
              <p className="muted">
                Tools: <code>{formatToolList(subagent.tools) || 'all'}</code> · model {subagent.model ?? 'inherit'}
              </p>
              <pre className="code-block">{subagent.prompt}</pre>
            </Panel>
          )}
        </>
      }
      side={
        <>
          <Panel title="Permission policies" labelledBy="subagent-policies-title">
            <PolicyAssignments subagent={subagent} editable={subagent.mine} />
          </Panel>
        </>
      }
    />
  );
};

export const SubagentView = ({ id, onDeleted }: { id: string; onDeleted: () => void }) => {
  const query = useSubagent(id);
  return (
    <Loaded query={query} what="subagent" notFound={<SubagentNotFound id={id} />}>
      {(subagent) => <SubagentDetail subagent={subagent} onDeleted={onDeleted} />}
    </Loaded>
  );
};
