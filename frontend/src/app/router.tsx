import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AREAS } from './areas';
import { AdminReadModelsRoute } from './routes/admin-read-models';
import { AdminUsersRoute } from './routes/admin-users';
import { ComingSoonRoute } from './routes/coming-soon';
import { HookRoute } from './routes/hook';
import { HookNewRoute } from './routes/hook-new';
import { HooksRoute } from './routes/hooks';
import { LoginRoute } from './routes/login';
import { LoginOttRoute } from './routes/login-ott';
import { Moved } from './routes/moved';
import { NodesRoute } from './routes/nodes';
import { NotFoundRoute } from './routes/not-found';
import { ObservabilityRoute } from './routes/observability';
import { PermissionsRoute } from './routes/permissions';
import { RemoteSessionRoute } from './routes/remote-session';
import { RouteError } from './routes/route-error';
import { RunRoute } from './routes/run';
import { SessionRoute } from './routes/session';
import { SessionsRoute } from './routes/sessions';
import { SettingsRoute } from './routes/settings';
import { SlashCommandRoute } from './routes/slash-command';
import { SlashCommandNewRoute } from './routes/slash-command-new';
import { SlashCommandsRoute } from './routes/slash-commands';
import { SubagentRoute } from './routes/subagent';
import { SubagentNewRoute } from './routes/subagent-new';
import { SubagentsRoute } from './routes/subagents';
import { ToolCallRoute } from './routes/tool-call';
import { TraceRoute } from './routes/trace';
import { ToolCallApprovalsRoute } from './routes/tool-call-approvals';
import { ToolCallsRoute } from './routes/tool-calls';
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
      { path: 'slash-commands', element: <SlashCommandsRoute /> },
      { path: 'slash-commands/new', element: <SlashCommandNewRoute /> },
      { path: 'slash-commands/:id', element: <SlashCommandRoute /> },
      { path: 'tool-calls', element: <ToolCallsRoute /> },
      { path: 'tool-calls/approvals', element: <ToolCallApprovalsRoute /> },
      { path: 'tool-calls/:id', element: <ToolCallRoute /> },
      // The pages' addresses before tool calls had one name everywhere (issue 11): bookmarks still land.
      { path: 'runs', element: <Moved to={() => '/tool-calls'} /> },
      // An agent run's page; an id that is no run goes on to the tool call of that id (an old bookmark).
      { path: 'runs/:id', element: <RunRoute /> },
      { path: 'traces/:traceId', element: <TraceRoute /> },
      { path: 'observability', element: <ObservabilityRoute /> },
      { path: 'approvals', element: <Moved to={() => '/tool-calls/approvals'} /> },
      { path: 'permissions', element: <PermissionsRoute /> },
      { path: 'hooks', element: <HooksRoute /> },
      { path: 'hooks/new', element: <HookNewRoute /> },
      { path: 'hooks/:id', element: <HookRoute /> },
      { path: 'subagents', element: <SubagentsRoute /> },
      { path: 'subagents/new', element: <SubagentNewRoute /> },
      { path: 'subagents/:id', element: <SubagentRoute /> },
      { path: 'nodes', element: <NodesRoute /> },
      { path: 'nodes/:nodeId/sessions/:sessionId', element: <RemoteSessionRoute /> },
      { path: 'settings', element: <SettingsRoute /> },
      { path: 'admin', element: <Navigate to="/admin/users" replace /> },
      { path: 'admin/users', element: <AdminUsersRoute /> },
      { path: 'admin/read-models', element: <AdminReadModelsRoute /> },
      ...AREAS.filter((area) => !area.ready).map((area) => ({
        path: area.path,
        element: <ComingSoonRoute area={area} />,
      })),
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);
