import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** Last line of defence: a render error anywhere below the shell. */
export const RouteError = () => {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <div className="empty-page" role="alert">
      <h1 className="page-header__title">Something broke</h1>
      <p className="muted">{message}</p>
      <Link className="button" to="/sessions" reloadDocument>
        Reload OrchWiz
      </Link>
    </div>
  );
};
