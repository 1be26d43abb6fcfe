import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useDomainEvents, type DomainEvent } from '@/lib/event-stream';
import { useRefreshOnEvents } from '@/lib/use-event-refresh';
import { changesRunState, isRunEvent, RUN_OUTPUT_STREAMED, type RunView } from '../types';
import { refreshRun } from './find-run';
import { runKeys } from './run-keys';

/** A burst of events of one run (streamed chunks with a gap) is read once, at the latest version. */
const RUN_REFRESH_DELAY_MS = 60;

const isShown = (queryClient: QueryClient, id: string): boolean =>
  (queryClient.getQueryCache().find({ queryKey: runKeys.detail(id), exact: true })?.getObserversCount() ?? 0) > 0;

/**
 * The cached run with the chunk appended, when the chunk is the very next event of the run: then the
 * cache holds everything before it and appending is exact. Anything else (a gap, a step the cache has
 * not seen begin) is left to a read at the event's version.
 */
export const withStreamedChunk = (cached: RunView | undefined, event: DomainEvent): RunView | undefined => {
  const text = event.payload?.text;
  if (!cached || typeof text !== 'string' || cached.version + 1 !== event.aggregateVersion) return undefined;
  return { ...cached, output: `${cached.output ?? ''}${text}`, version: event.aggregateVersion };
};

/** A tool call was requested, decided, started or settled (its output chunks are not followed here). */
const isToolCallChange = (type: string): boolean => type.startsWith('toolcall.') && type !== 'toolcall.output-recorded';

/**
 * A tool call of a shown run changed, decided in the inbox say: its decision buttons and the runs that
 * asked for it are read again, since the run's own events only follow once its result goes back.
 */
const refreshToolCall = (queryClient: QueryClient, toolCallId: string) => {
  void queryClient.invalidateQueries({ queryKey: runKeys.toolCall(toolCallId), exact: true });
  for (const query of queryClient.getQueryCache().findAll({ queryKey: runKeys.details() })) {
    const run = query.state.data as RunView | undefined;
    if (run?.toolCalls?.some((call) => call.toolCallId === toolCallId)) void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
  }
};

/**
 * Keeps shown runs in step with the event stream. A streamed chunk is appended to the run in the cache
 * at once; every other `run.*` event (and a chunk that cannot be appended) reads the run at the
 * event's version, since events come straight from the event store, ahead of the read model. The
 * session's list of runs is refetched when a run starts or changes state, and a run is read again when
 * one of its tool calls changes.
 */
export const useRunLiveUpdates = (): void => {
  const queryClient = useQueryClient();
  const wanted = useRef(new Map<string, number>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    };
  }, []);

  useRefreshOnEvents({ matches: (event) => changesRunState(event.type), queryKeys: [runKeys.sessionLists()] });

  useDomainEvents((event) => {
    if (isToolCallChange(event.type)) {
      refreshToolCall(queryClient, event.aggregateId);
      return;
    }
    if (!isRunEvent(event.type)) return;
    const id = event.aggregateId;
    const key = runKeys.detail(id);
    const cached = queryClient.getQueryData<RunView>(key);
    if (cached && cached.version >= event.aggregateVersion) return;
    if (event.type === RUN_OUTPUT_STREAMED) {
      const patched = withStreamedChunk(cached, event);
      if (patched) {
        queryClient.setQueryData(key, patched);
        return;
      }
    }
    if (!isShown(queryClient, id)) {
      if (cached) void queryClient.invalidateQueries({ queryKey: key, exact: true });
      return;
    }
    wanted.current.set(id, Math.max(event.aggregateVersion, wanted.current.get(id) ?? 0));
    if (timers.current.has(id)) return;
    timers.current.set(
      id,
      setTimeout(() => {
        timers.current.delete(id);
        const minVersion = wanted.current.get(id);
        wanted.current.delete(id);
        refreshRun(queryClient, id, minVersion).catch(() => undefined);
      }, RUN_REFRESH_DELAY_MS),
    );
  });
};
