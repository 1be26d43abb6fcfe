import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { PageHeader } from '@/components/page-header';
import { Panel } from '@/components/panel';
import { Spinner } from '@/components/spinner';
import { errorMessage, isNotFound } from '@/lib/api-client';
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
  const ask = () => {
    if (window.confirm(`Delete the subagent “${subagent.name}”? Its rules and policy assignments go with it.`)) {
      remove.mutate({ id: subagent.id }, { onSuccess: onDeleted });
    }
  };
  const failure = exportSubagent.error ?? remove.error;
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={exportSubagent.isPending}
        onClick={() => exportSubagent.mutate({ id: subagent.id, name: subagent.name })}
        data-testid="subagent-export"
      >
        {exportSubagent.isPending ? 'Exporting…' : 'Export .md'}
      </button>
      {subagent.mine && (
        <button type="button" className="button button--danger-ghost" disabled={remove.isPending} onClick={ask} data-testid="subagent-delete">
          {remove.isPending ? 'Deleting…' : 'Delete'}
        </button>
      )}
      {failure ? (
        <span role="alert" className="field__error">
          {errorMessage(failure)}
        </span>
      ) : null}
    </>
  );
};

export const SubagentNotFound = ({ id }: { id: string }) => (
  <div className="empty-page" data-testid="subagent-not-found">
    <h1 className="page-header__title">Subagent not found</h1>
    <p className="muted">
      There is no subagent <code>{id}</code> you may see.
    </p>
    <Link className="button" to="/subagents">
      Back to subagents
    </Link>
  </div>
);

/** One subagent: its definition, its permission policies, export and delete. */
export const SubagentView = ({ id, onDeleted }: { id: string; onDeleted: () => void }) => {
  const { data: subagent, error, isPending, refetch } = useSubagent(id);
  if (isNotFound(error)) return <SubagentNotFound id={id} />;
  if (isPending) return <Spinner label="Loading subagent…" />;
  if (!subagent) {
    return (
      <Alert title="Could not load this subagent">
        <p>{errorMessage(error)}</p>
        <button type="button" className="button" onClick={() => void refetch()}>
          Try again
        </button>
      </Alert>
    );
  }
  return (
    <div className="detail-page" data-testid="subagent-view">
      <PageHeader eyebrow="Subagent" title={subagent.name} actions={<Actions subagent={subagent} onDeleted={onDeleted} />}>
        <p className="badges">
          {subagent.mine ? <Badge tone="muted">mine</Badge> : <Badge tone="muted">read only</Badge>}
          {subagent.shared && <Badge tone="info">shared</Badge>}
          {subagent.description && <span className="muted">{subagent.description}</span>}
        </p>
      </PageHeader>
      <div className="detail-page__grid">
        <div className="detail-page__main">
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
        </div>
        <aside className="detail-page__side">
          <Panel title="Permission policies" labelledBy="subagent-policies-title">
            <PolicyAssignments subagent={subagent} editable={subagent.mine} />
          </Panel>
        </aside>
      </div>
    </div>
  );
};
