import { useState } from 'react';
import { Paged, type PagedLabels } from '@/components/paged';
import { RelativeTime } from '@/components/relative-time';
import { useRefusals } from '../api/list-refusals';
import type { InboundRefusal } from '../types';

const LIST_LABELS: PagedLabels = { loading: 'Loading refused requests…', failed: 'Could not load refused requests', counted: ['origin', 'origins'] };

const ENDPOINTS: Record<InboundRefusal['endpoint'], string> = {
  push: 'events sent here',
  pull: 'pulls of this node’s events',
};

const RefusalItem = ({ refusal }: { refusal: InboundRefusal }) => (
  <li className="item-list__item" data-testid="refusal-item">
    <div className="item-list__main">
      <span className="item-list__title">
        <code>{refusal.origin}</code> <span className="muted">· {ENDPOINTS[refusal.endpoint]}</span>
      </span>
      <span className="item-list__meta muted">
        {refusal.refused} refused · last <code>{refusal.lastCode}</code> <RelativeTime value={refusal.lastRefusedAt} />
      </span>
    </div>
  </li>
);

/**
 * Forwarded requests this node refused since it started, per claimed origin and endpoint, most refused first: a
 * source with a wrong key or a skewed clock shows up here, and so does a stranger probing.
 */
export const RefusalsPanel = () => {
  const [page, setPage] = useState(0);
  const refusals = useRefusals(page);
  return (
    <div className="settings-section">
      <p className="muted">
        Requests to this node’s forwarding endpoint it turned away, by the node id they claimed (unverified), counted since
        the node started.
      </p>
      <Paged query={refusals} {...LIST_LABELS} onPageChange={setPage}>
        {(loaded) => (
          <ul className="item-list" data-testid="refusal-list">
            {loaded.items.length === 0 && <li className="item-list__empty muted">No refused requests.</li>}
            {loaded.items.map((refusal) => (
              <RefusalItem key={`${refusal.endpoint} ${refusal.origin}`} refusal={refusal} />
            ))}
          </ul>
        )}
      </Paged>
    </div>
  );
};
