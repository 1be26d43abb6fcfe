import { PageHeader } from '@/components/page-header';
import { useToolCallsLiveUpdates } from '@/features/tool-calls/api/tool-calls-live-updates';
import { ToolCallsBrowser } from '@/features/tool-calls/components/tool-calls-browser';

export const ToolCallsRoute = () => {
  useToolCallsLiveUpdates();
  return (
    <div className="page">
      <PageHeader title="Tool calls" eyebrow="Command deck">
        <p className="muted">Every tool call and command run you may see, newest first.</p>
      </PageHeader>
      <ToolCallsBrowser />
    </div>
  );
};
