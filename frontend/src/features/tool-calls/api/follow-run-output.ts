import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { OutputChunk, OutputPage } from '../types';
import { toolCallKeys } from './tool-call-keys';

export const OUTPUT_PAGE_SIZE = 100;
/** At most this many pages per read; the next read goes on from there. */
const MAX_PAGES_PER_READ = 20;
/** Output is re-read this often while the run is active and the event stream is down… */
export const OUTPUT_POLL_MS = 1_000;
/** …and this often as a safety net while the stream is live (events bring the chunks sooner). */
export const OUTPUT_POLL_LIVE_MS = 2_000;

/** Everything read so far of a run's output. */
export type RunOutput = { chunks: OutputChunk[]; truncated: boolean; finished: boolean };

export const EMPTY_OUTPUT: RunOutput = { chunks: [], truncated: false, finished: false };

/** `GET /api/tool-calls/{id}/output?after=<sequence>&size=`. */
export const fetchOutputPage = async (id: string, after: number | undefined, signal?: AbortSignal): Promise<OutputPage> => {
  const params = new URLSearchParams();
  if (after !== undefined) params.set('after', String(after));
  params.set('size', String(OUTPUT_PAGE_SIZE));
  const { data } = await api.get<OutputPage>(`/api/tool-calls/${encodeURIComponent(id)}/output?${params}`, { signal });
  return { items: data?.items ?? [], truncated: Boolean(data?.truncated), finished: Boolean(data?.finished) };
};

/** Adds chunks by sequence, once each, in order. */
export const mergeChunks = (known: OutputChunk[], more: OutputChunk[]): OutputChunk[] => {
  if (more.length === 0) return known;
  const last = known.at(-1)?.sequence ?? -Infinity;
  if (more.every((chunk, i) => chunk.sequence > (i === 0 ? last : more[i - 1].sequence))) return [...known, ...more];
  const bySequence = new Map(known.map((chunk) => [chunk.sequence, chunk]));
  for (const chunk of more) bySequence.set(chunk.sequence, chunk);
  return [...bySequence.values()].sort((a, b) => a.sequence - b.sequence);
};

/** Reads what came after the last chunk already known, page by page. */
export const catchUpOutput = async (id: string, from: RunOutput | undefined, signal?: AbortSignal): Promise<RunOutput> => {
  let state = from ?? EMPTY_OUTPUT;
  for (let read = 0; read < MAX_PAGES_PER_READ; read += 1) {
    const page = await fetchOutputPage(id, state.chunks.at(-1)?.sequence, signal);
    state = {
      chunks: mergeChunks(state.chunks, page.items),
      truncated: state.truncated || page.truncated,
      finished: page.finished,
    };
    if (page.items.length < OUTPUT_PAGE_SIZE) break;
  }
  return state;
};

/** The chunk an `output-recorded` event carries, if it carries one whole. */
export const chunkFromPayload = (payload: Record<string, unknown> | null | undefined): OutputChunk | undefined => {
  if (!payload) return undefined;
  const { sequence, stream, text } = payload as { sequence?: unknown; stream?: unknown; text?: unknown };
  if (typeof sequence !== 'number' || typeof text !== 'string') return undefined;
  return { sequence, stream: stream === 'stderr' ? 'stderr' : 'stdout', text };
};

/**
 * A run's output, read from the start and then followed: every read continues after the last known
 * chunk (`after=`), so a live run streams without reading anything twice.
 */
export const useRunOutput = (id: string, { follow, streamLive }: { follow: boolean; streamLive: boolean }) => {
  const queryClient = useQueryClient();
  const queryKey = toolCallKeys.output(id);
  return useQuery({
    queryKey,
    queryFn: async ({ signal }) => {
      const read = await catchUpOutput(id, queryClient.getQueryData<RunOutput>(queryKey), signal);
      // Chunks an event appended while this read was under way stay.
      const meanwhile = queryClient.getQueryData<RunOutput>(queryKey);
      return meanwhile ? { ...read, chunks: mergeChunks(read.chunks, meanwhile.chunks) } : read;
    },
    refetchInterval: (query) =>
      follow && !query.state.data?.finished ? (streamLive ? OUTPUT_POLL_LIVE_MS : OUTPUT_POLL_MS) : false,
    staleTime: Infinity,
  });
};
