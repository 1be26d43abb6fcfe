import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useDomainEvents } from '@/lib/event-stream';
import { useRefreshOnEvents } from '@/lib/use-event-refresh';
import { isToolCallEvent, OUTPUT_RECORDED } from '../types';
import { toolCallKeys } from './tool-call-keys';
import { chunkFromPayload, mergeChunks, type RunOutput } from './follow-run-output';

const OUTPUT_CATCH_UP_DELAY_MS = 60;

/**
 * Keeps one run page in step with the event stream: `toolcall.output-recorded` of this call appends
 * its chunk to the output (or reads what is missing), every other `toolcall.*` event of this call
 * refetches the run and its trail.
 */
export const useRunLiveUpdates = (id: string): void => {
  const queryClient = useQueryClient();
  const catchUp = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(
    () => () => {
      clearTimeout(catchUp.current);
      catchUp.current = undefined;
    },
    [],
  );

  useRefreshOnEvents({
    matches: (event) => event.aggregateId === id && isToolCallEvent(event.type) && event.type !== OUTPUT_RECORDED,
    queryKeys: [toolCallKeys.detail(id), toolCallKeys.trail(id)],
  });

  useDomainEvents((event) => {
    if (event.aggregateId !== id || event.type !== OUTPUT_RECORDED) return;
    const key = toolCallKeys.output(id);
    const current = queryClient.getQueryData<RunOutput>(key);
    const chunk = chunkFromPayload(event.payload);
    const last = current?.chunks.at(-1)?.sequence;
    const next = current && chunk && (last === undefined ? chunk.sequence <= 1 : chunk.sequence === last + 1);
    if (current && chunk && next) {
      queryClient.setQueryData<RunOutput>(key, { ...current, chunks: mergeChunks(current.chunks, [chunk]) });
      return;
    }
    if (current && chunk && last !== undefined && chunk.sequence <= last) return;
    // A gap (or a payload without the chunk): read what is missing, once per burst.
    if (catchUp.current === undefined) {
      catchUp.current = setTimeout(() => {
        catchUp.current = undefined;
        void queryClient.invalidateQueries({ queryKey: key });
      }, OUTPUT_CATCH_UP_DELAY_MS);
    }
  });
};
