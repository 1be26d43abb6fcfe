import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Paged, type PagedLabels } from '@/components/paged';
import { Tabs } from '@/components/tabs';
import { useApprovals } from '../api/list-approvals';
import type { ApprovalView } from '../types';
import { ApprovalItem, type Notice } from './approval-item';

const LIST_LABELS: PagedLabels = { loading: 'Loading approvals…', failed: 'Could not load approvals', counted: ['approval', 'approvals'] };

const TABS = [
  { value: 'pending', label: 'Waiting', testId: 'approvals-tab-pending' },
  { value: 'decided', label: 'Decided', testId: 'approvals-tab-decided' },
] as const;

/** Calls waiting for a human decision (or already decided), newest first; `?status=decided` shows the decided ones. */
export const ApprovalsInbox = () => {
  const [searchParams, setSearchParams] = useSearchParams();
  const view: ApprovalView = searchParams.get('status') === 'decided' ? 'decided' : 'pending';
  const pageParam = Number(searchParams.get('page') ?? '1');
  const page = Number.isInteger(pageParam) && pageParam > 1 ? pageParam - 1 : 0;
  const approvals = useApprovals(view, page);
  const [notices, setNotices] = useState<[string, Notice][]>([]);

  const go = (next: { view?: ApprovalView; page?: number }) => {
    const params = new URLSearchParams();
    const nextView = next.view ?? view;
    if (nextView === 'decided') params.set('status', 'decided');
    const nextPage = next.page ?? 0;
    if (nextPage) params.set('page', String(nextPage + 1));
    setSearchParams(params, { replace: true });
  };

  const addNotice = (toolCallId: string, notice: Notice) =>
    setNotices((current) => [[toolCallId, notice] as [string, Notice], ...current.filter(([id]) => id !== toolCallId)].slice(0, 5));

  return (
    <div className="approvals">
      <Tabs label="Approvals" tabs={TABS} value={view} onChange={(value) => go({ view: value })} controls="approvals-list" />
      {notices.length > 0 && (
        <div className="approvals__notices" data-testid="approval-notices">
          {notices.map(([id, notice]) => (
            <div key={id} className={`alert alert--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="approval-notice">
              <div className="alert__body approvals__notice">
                <span>{notice.text}</span>
                <button
                  type="button"
                  className="button button--ghost"
                  onClick={() => setNotices((current) => current.filter(([other]) => other !== id))}
                  aria-label="Dismiss"
                >
                  ×
                </button>
              </div>
            </div>
          ))}
        </div>
      )}
      <Paged query={approvals} {...LIST_LABELS} onPageChange={(next) => go({ page: next })} browser>
        {(loaded) => (
          <ul className="approval-list" id="approvals-list" data-testid={`approvals-${view}`} aria-busy={approvals.isFetching}>
            {loaded.items.length === 0 && (
              <li className="approval-list__empty muted" data-testid="approvals-empty">
                {view === 'pending' ? 'Nothing waits for a decision. Calls that ask appear here at once.' : 'No decided approvals yet.'}
              </li>
            )}
            {loaded.items.map((approval) => (
              <ApprovalItem key={approval.toolCallId} approval={approval} onNotice={addNotice} />
            ))}
          </ul>
        )}
      </Paged>
    </div>
  );
};
