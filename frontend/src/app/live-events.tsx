import { useQuery } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { TOOL_CALL_EVENT_TYPES } from '@/features/tool-calls/types';
import { HOOK_EVENT_TYPES } from '@/features/hooks/types';
import { RUN_EVENT_TYPES } from '@/features/runs/types';
import { SESSION_EVENT_TYPES } from '@/features/sessions/types';
import { api } from '@/lib/api-client';
import { EventStreamProvider } from '@/lib/event-stream';

/** `GET /api/events/types`, read leniently: a list of names, or of objects carrying a name. */
const fetchEventTypes = async (): Promise<string[]> => {
  const { data } = await api.get<unknown>('/api/events/types');
  const list = Array.isArray(data) ? data : ((data as { types?: unknown[] } | null)?.types ?? []);
  return list
    .map((entry) =>
      typeof entry === 'string' ? entry : ((entry as { name?: string; type?: string } | null)?.name ?? (entry as { type?: string } | null)?.type),
    )
    .filter((name): name is string => typeof name === 'string' && name.length > 0);
};

/** Types the app reacts to, listened to before the server's list arrives (and if it never does). */
const KNOWN_EVENT_TYPES = [...SESSION_EVENT_TYPES, ...TOOL_CALL_EVENT_TYPES, ...HOOK_EVENT_TYPES, ...RUN_EVENT_TYPES];

/** The one event stream of the app; it needs a session, so it lives below `RequireAuth`. */
export const LiveEvents = ({ children }: { children: ReactNode }) => {
  // EventSource needs a listener per event name; the known ones now, the server's list when it answers.
  const served = useQuery({ queryKey: ['events', 'types'], queryFn: fetchEventTypes, staleTime: Infinity, retry: false });
  const eventTypes = useMemo(
    () => [...new Set([...KNOWN_EVENT_TYPES, ...(served.data ?? [])])],
    [served.data],
  );
  return <EventStreamProvider eventTypes={eventTypes}>{children}</EventStreamProvider>;
};
