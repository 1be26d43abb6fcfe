import type { ComponentType } from 'react';
import { NavLink, Outlet } from 'react-router';
import { Badge } from '@/components/badge';
import { PendingApprovalsBadge } from '@/features/approvals/components/pending-approvals-badge';
import { useCurrentUser } from '@/features/auth/api/get-auth-state';
import { UserMenu } from '@/features/auth/components/user-menu';
import { isAdmin } from '@/features/auth/types';
import { useEventStreamStatus, type StreamStatus } from '@/lib/event-stream';
import { ADMIN_AREAS, AREAS, type Area } from './areas';

const STATUS_TEXT: Record<StreamStatus, string> = {
  live: 'live',
  connecting: 'connecting',
  reconnecting: 'reconnecting',
  offline: 'offline',
};

const ConnectionIndicator = () => {
  const status = useEventStreamStatus();
  return (
    <div className={`connection connection--${status}`} title="Server-sent events from /api/events/stream">
      <span className="connection__dot" aria-hidden="true" />
      <span className="visually-hidden">Event stream: </span>
      <span role="status" aria-live="polite" data-testid="sse-status">
        {STATUS_TEXT[status]}
      </span>
    </div>
  );
};

const navLinkClass = (area: Area) => ({ isActive }: { isActive: boolean }) =>
  ['nav__link', isActive ? 'nav__link--active' : '', area.ready ? '' : 'nav__link--soon'].filter(Boolean).join(' ');

/** Live counters shown next to an area's name. */
const NAV_COUNTERS: Partial<Record<string, ComponentType>> = { approvals: PendingApprovalsBadge };

const NavItem = ({ area }: { area: Area }) => {
  const Counter = NAV_COUNTERS[area.path];
  return (
    <li>
      <NavLink to={`/${area.path}`} className={navLinkClass(area)} data-testid={`nav-${area.path.replaceAll('/', '-')}`}>
        <span className="nav__icon" aria-hidden="true">
          {area.icon}
        </span>
        <span className="nav__label">{area.label}</span>
        {area.ready && Counter && <Counter />}
        {!area.ready && (
          <Badge tone="muted" className="nav__badge">
            soon
            <span className="visually-hidden"> (coming soon)</span>
          </Badge>
        )}
      </NavLink>
    </li>
  );
};

export const Shell = () => {
  const user = useCurrentUser();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/sessions" className="brand" aria-label="OrchWiz home">
          <span className="brand__mark" aria-hidden="true">
            ◭
          </span>
          <span className="brand__name">OrchWiz</span>
          <span className="brand__tag">command deck</span>
        </NavLink>
        <div className="topbar__end">
          <ConnectionIndicator />
          <UserMenu />
        </div>
      </header>
      <div className="sidebar">
        <nav aria-label="Areas">
          <ul className="nav">
            {AREAS.map((area) => (
              <NavItem key={area.path} area={area} />
            ))}
          </ul>
        </nav>
        {isAdmin(user) && (
          <nav aria-label="Administration" className="sidebar__section">
            <p className="sidebar__heading">Administration</p>
            <ul className="nav">
              {ADMIN_AREAS.map((area) => (
                <NavItem key={area.path} area={area} />
              ))}
            </ul>
          </nav>
        )}
      </div>
      <main className="main" id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
};
