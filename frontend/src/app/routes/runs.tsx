import { PageHeader } from '@/components/page-header';
import { useExecutionsLiveUpdates } from '@/features/executions/api/executions-live-updates';
import { RunsBrowser } from '@/features/executions/components/runs-browser';

export const RunsRoute = () => {
  useExecutionsLiveUpdates();
  return (
    <div className="page">
      <PageHeader title="Runs" eyebrow="Command deck">
        <p className="muted">Every tool call and command run you may see, newest first.</p>
      </PageHeader>
      <RunsBrowser />
    </div>
  );
};
