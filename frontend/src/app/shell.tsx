import type { ComponentType } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { Badge } from '@/components/badge';
import { PendingApprovalsBadge } from '@/features/tool-calls/components/pending-approvals-badge';
import { useCurrentUser } from '@/features/auth/api/get-auth-state';
import { UserMenu } from '@/features/auth/components/user-menu';
import { isAdmin } from '@/features/auth/types';
import { useEventStreamStatus, type StreamStatus } from '@/lib/event-stream';
import { activeAreaPath, ADMIN_AREAS, AREAS, type Area } from './areas';

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

const navLinkClass = (area: Area, active: boolean) =>
  ['nav__link', active ? 'nav__link--active' : '', area.ready ? '' : 'nav__link--soon'].filter(Boolean).join(' ');

/** Live counters shown next to an area's name. */
const NAV_COUNTERS: Partial<Record<string, ComponentType>> = { 'tool-calls/approvals': PendingApprovalsBadge };

const NavItem = ({ area, active }: { area: Area; active: boolean }) => {
  const Counter = NAV_COUNTERS[area.path];
  return (
    <li>
      <Link
        to={`/${area.path}`}
        className={navLinkClass(area, active)}
        aria-current={active ? 'page' : undefined}
        data-testid={`nav-${area.path.replaceAll('/', '-')}`}
      >
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
      </Link>
    </li>
  );
};

export const Shell = () => {
  const user = useCurrentUser();
  const active = activeAreaPath(useLocation().pathname, [...AREAS, ...ADMIN_AREAS]);
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
              <NavItem key={area.path} area={area} active={area.path === active} />
            ))}
          </ul>
        </nav>
        {isAdmin(user) && (
          <nav aria-label="Administration" className="sidebar__section">
            <p className="sidebar__heading">Administration</p>
            <ul className="nav">
              {ADMIN_AREAS.map((area) => (
                <NavItem key={area.path} area={area} active={area.path === active} />
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
