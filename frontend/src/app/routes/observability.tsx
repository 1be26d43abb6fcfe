import { lazy, Suspense } from 'react';
import { Spinner } from '@/components/spinner';

// The charting library is most of this page's weight: it is loaded when the page is opened, not with the app.
const ObservabilityView = lazy(() =>
  import('@/features/runs/components/observability-view').then((module) => ({ default: module.ObservabilityView })),
);

export const ObservabilityRoute = () => (
  <div className="page">
    <Suspense fallback={<Spinner label="Loading observability…" />}>
      <ObservabilityView />
    </Suspense>
  </div>
);
