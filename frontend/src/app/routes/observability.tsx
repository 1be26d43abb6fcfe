import { ObservabilityView } from '@/features/runs/components/observability-view';

export const ObservabilityRoute = () => (
  <div className="page">
    <ObservabilityView />
  </div>
);
