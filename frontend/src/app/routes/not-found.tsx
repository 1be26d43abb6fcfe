import { Link } from 'react-router';

export const NotFoundRoute = () => (
  <div className="page">
    <div className="empty-page">
      <h1 className="page-header__title">Page not found</h1>
      <p className="muted">Nothing lives at this address.</p>
      <Link className="button" to="/sessions">
        Go to sessions
      </Link>
    </div>
  </div>
);
