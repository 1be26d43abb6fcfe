import { PageHeader } from '@/components/page-header';
import { ApprovalsInbox } from '@/features/tool-calls/components/approvals-inbox';

/** Live through the navigation's pending counter, which refreshes every approvals query on `toolcall.*` events. */
export const ToolCallApprovalsRoute = () => (
  <div className="page page--medium">
    <PageHeader title="Approvals" eyebrow="Command deck">
      <p className="muted">Calls that wait for a human decision. Approve or deny in one click; a comment is optional.</p>
    </PageHeader>
    <ApprovalsInbox />
  </div>
);
