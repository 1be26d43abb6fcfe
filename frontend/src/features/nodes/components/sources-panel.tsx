import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { DangerButton } from '@/components/danger-button';
import { TextField } from '@/components/field';
import { PagedItemList, type PagedItemLabels } from '@/components/paged';
import { RelativeTime } from '@/components/relative-time';
import { RowError } from '@/components/row-error';
import { SubmitRow } from '@/components/submit-row';
import { errorMessage } from '@/lib/api-client';
import { useFormValues } from '@/lib/use-form-values';
import { useSources } from '../api/list-sources';
import { useRegisterSource } from '../api/register-source';
import { useRemoveSource } from '../api/remove-source';
import type { ForwardingSource } from '../types';

const LIST_LABELS: PagedItemLabels = { loading: 'Loading sources…', failed: 'Could not load sources', counted: ['source', 'sources'], empty: 'No trusted nodes yet.' };

const SourceItem = ({ source }: { source: ForwardingSource }) => {
  const remove = useRemoveSource();
  return (
    <li className="item-list__item" data-testid="source-item">
      <div className="item-list__main">
        <span className="item-list__title">
          {source.name} <code>{source.nodeId}</code>
          {!source.enabled && <span className="muted"> · disabled</span>}
        </span>
        <span className="item-list__meta muted">
          {source.kind === 'API_KEY' ? 'api key (original OrchWiz)' : 'public key'} ·{' '}
          {source.lastSeenAt ? (
            <>
              last seen <RelativeTime value={source.lastSeenAt} />
            </>
          ) : (
            'never heard from'
          )}
          {source.highWaterMark !== null && ` · complete up to #${source.highWaterMark}`}
          {source.highWaterMark !== null && source.maxSeen != null && source.maxSeen > source.highWaterMark && (
            <span data-testid="source-waiting"> · {source.maxSeen - source.highWaterMark} received above a gap</span>
          )}{' '}
          · <Link to={`/sessions?sourceNodeId=${encodeURIComponent(source.nodeId)}`}>sessions</Link>
          {source.gaps.length > 0 && (
            <span data-testid="source-gaps">
              {' '}
              · missing {source.gaps.map((gap) => (gap.fromSeq === gap.toSeq ? `#${gap.fromSeq}` : `#${gap.fromSeq}–${gap.toSeq}`)).join(', ')}
            </span>
          )}
        </span>
      </div>
      <DangerButton
        confirm={`Stop trusting ${source.nodeId}? Its requests will be refused.`}
        busy={remove.isPending}
        busyLabel="Removing…"
        onConfirm={() => remove.mutate({ id: source.id })}
        data-testid="source-remove"
      >
        Remove
      </DangerButton>
      <RowError error={remove.error} />
    </li>
  );
};

/** The origins this node accepts forwarded events from, and a form to trust one by its public key. */
export const SourcesPanel = () => {
  const form = useFormValues({ nodeId: '', publicKey: '', name: '' });
  const [page, setPage] = useState(0);
  const sources = useSources(page);
  const register = useRegisterSource();

  return (
    <div className="settings-section">
      <p className="muted">
        Paste the node id and public key another node shows on its Nodes page. Only events signed with that key are
        accepted from it.
      </p>
      <form className="form" onSubmit={form.submitTo(register)} noValidate aria-label="Trust a node">
        <TextField label="Node id" {...form.bind('nodeId')} data-testid="source-node-id" />
        <TextField label="Public key" {...form.bind('publicKey')} data-testid="source-public-key" />
        <TextField label="Name (optional)" {...form.bind('name')} data-testid="source-name" />
        {register.isError && <Alert>{errorMessage(register.error)}</Alert>}
        <SubmitRow busy={register.isPending} busyLabel="Saving…" data-testid="source-submit">
          Trust node
        </SubmitRow>
      </form>
      <PagedItemList query={sources} {...LIST_LABELS} onPageChange={setPage} data-testid="source-list">
        {(source) => <SourceItem key={source.id} source={source} />}
      </PagedItemList>
    </div>
  );
};
