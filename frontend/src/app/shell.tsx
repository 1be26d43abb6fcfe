import { NavLink, Outlet } from 'react-router';
import { Badge } from '@/components/badge';
import { useEventStreamStatus, type StreamStatus } from '@/lib/event-stream';
import { AREAS } from './areas';

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

export const Shell = () => (
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
      <ConnectionIndicator />
    </header>
    <nav className="sidebar" aria-label="Areas">
      <ul className="nav">
        {AREAS.map((area) => (
          <li key={area.path}>
            <NavLink
              to={`/${area.path}`}
              className={({ isActive }) =>
                ['nav__link', isActive ? 'nav__link--active' : '', area.ready ? '' : 'nav__link--soon'].filter(Boolean).join(' ')
              }
              data-testid={`nav-${area.path}`}
            >
              <span className="nav__icon" aria-hidden="true">
                {area.icon}
              </span>
              <span className="nav__label">{area.label}</span>
              {!area.ready && (
                <Badge tone="muted" className="nav__badge">
                  soon
                  <span className="visually-hidden"> (coming soon)</span>
                </Badge>
              )}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
    <main className="main" id="main" tabIndex={-1}>
      <Outlet />
    </main>
  </div>
);
