import { PageHeader } from '@/components/page-header';
import { Panel } from '@/components/panel';
import { useProjectionLiveUpdates } from '@/features/admin/api/projection-live-updates';
import { DeadLetterQueues } from '@/features/admin/components/dead-letters-panel';
import { ReadModelsTable } from '@/features/admin/components/read-models-table';
import { RequireAdmin } from '@/features/auth/components/require-auth';
import { NotFoundRoute } from './not-found';

const ReadModelsPage = () => {
  useProjectionLiveUpdates();
  return (
    <div className="page admin-page">
      <PageHeader title="Read models" eyebrow="Administration">
        <p className="muted">
          How far each read model and process has read the event store, refreshed every few seconds and on every event.
        </p>
      </PageHeader>
      <Panel title="Processors" labelledBy="admin-projections-title">
        <ReadModelsTable />
      </Panel>
      <DeadLetterQueues />
    </div>
  );
};

export const AdminReadModelsRoute = () => (
  <RequireAdmin fallback={<NotFoundRoute />}>
    <ReadModelsPage />
  </RequireAdmin>
);
