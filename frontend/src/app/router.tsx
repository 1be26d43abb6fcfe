import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AREAS } from './areas';
import { ComingSoonRoute } from './routes/coming-soon';
import { NotFoundRoute } from './routes/not-found';
import { RouteError } from './routes/route-error';
import { SessionRoute } from './routes/session';
import { SessionsRoute } from './routes/sessions';
import { Shell } from './shell';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Shell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/sessions" replace /> },
      { path: 'sessions', element: <SessionsRoute /> },
      { path: 'sessions/:id', element: <SessionRoute /> },
      ...AREAS.filter((area) => !area.ready).map((area) => ({
        path: area.path,
        element: <ComingSoonRoute area={area} />,
      })),
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);
