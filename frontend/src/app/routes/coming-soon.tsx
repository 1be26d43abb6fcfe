import { Link } from 'react-router';
import { Badge } from '@/components/badge';
import type { Area } from '../areas';

export const ComingSoonRoute = ({ area }: { area: Area }) => (
  <div className="page">
    <div className="empty-page" data-testid="coming-soon">
      <p className="page-header__eyebrow">
        <Badge tone="muted">coming soon</Badge>
      </p>
      <h1 className="page-header__title">
        <span aria-hidden="true">{area.icon} </span>
        {area.label}
      </h1>
      <p>
        <strong>{area.label}</strong> is coming to OrchWiz. {area.summary}
      </p>
      <p className="muted">This area is not built yet; Sessions is ready to use today.</p>
      <Link className="button" to="/sessions">
        Go to sessions
      </Link>
    </div>
  </div>
);
