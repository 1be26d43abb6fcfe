import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AREAS } from './areas';
import { AdminUsersRoute } from './routes/admin-users';
import { ComingSoonRoute } from './routes/coming-soon';
import { LoginRoute } from './routes/login';
import { LoginOttRoute } from './routes/login-ott';
import { NotFoundRoute } from './routes/not-found';
import { RouteError } from './routes/route-error';
import { SessionRoute } from './routes/session';
import { SessionsRoute } from './routes/sessions';
import { SettingsRoute } from './routes/settings';
import { SignedInApp } from './signed-in-app';

export const routes: RouteObject[] = [
  // Public: the sign-in pages.
  { path: '/login', element: <LoginRoute />, errorElement: <RouteError /> },
  { path: '/login/ott', element: <LoginOttRoute />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <SignedInApp />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/sessions" replace /> },
      { path: 'sessions', element: <SessionsRoute /> },
      { path: 'sessions/:id', element: <SessionRoute /> },
      { path: 'settings', element: <SettingsRoute /> },
      { path: 'admin', element: <Navigate to="/admin/users" replace /> },
      { path: 'admin/users', element: <AdminUsersRoute /> },
      ...AREAS.filter((area) => !area.ready).map((area) => ({
        path: area.path,
        element: <ComingSoonRoute area={area} />,
      })),
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);
