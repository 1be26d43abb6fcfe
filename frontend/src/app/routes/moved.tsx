import { Navigate, useLocation, useParams, type Params } from 'react-router';

/**
 * An old address of a page that moved: goes on to the new one with the same query, hash and state, so
 * bookmarks, shared links and the state a page passed along (a run that was just started) keep working.
 */
export const Moved = ({ to }: { to: (params: Params) => string }) => {
  const params = useParams();
  const location = useLocation();
  return <Navigate replace to={{ pathname: to(params), search: location.search, hash: location.hash }} state={location.state} />;
};
