import { useState } from 'react';
import { Alert } from '@/components/alert';
import { Pagination } from '@/components/pagination';
import { Spinner } from '@/components/spinner';
import { errorMessage } from '@/lib/api-client';
import { useEventStreamStatus } from '@/lib/event-stream';
import { useRun } from '../api/find-run';
import { useSessionRuns } from '../api/list-session-runs';
import type { PromptResult, RunView } from '../types';
import { PromptComposer } from './prompt-composer';
import { RunTurn } from './run-turn';

/** Oldest first, as a conversation reads; the list itself comes newest first. */
const byStart = (a: RunView, b: RunView) => (a.startedAt ?? '').localeCompare(b.startedAt ?? '');

/** One run of the list, read from its own cache entry, which the event stream keeps live. */
const LiveRunTurn = ({ listed, poll }: { listed: RunView; poll: boolean }) => {
  const run = useRun(listed.id, { poll }).data ?? listed;
  return <RunTurn run={run} />;
};

export type SessionConversationProps = {
  sessionId: string;
  /** Whether the session takes prompts now; `closedNote` says why not. */
  open: boolean;
  closedNote?: string;
  openNote?: string;
  /** The prompt was recorded: the session shows it. */
  onPromptWritten?: (result: PromptResult) => void;
};

/** The session as a conversation: its prompts and the runs answering them, live, and the box for the next prompt. */
export const SessionConversation = ({ sessionId, open, closedNote, openNote, onPromptWritten }: SessionConversationProps) => {
  const [page, setPage] = useState(0);
  const streamLive = useEventStreamStatus() === 'live';
  const runs = useSessionRuns(sessionId, { page, poll: !streamLive });
  const items = [...(runs.data?.items ?? [])].sort(byStart);
  const totalPages = runs.data?.totalPages ?? 0;

  return (
    <div className="conversation" data-testid="session-conversation">
      {runs.isPending && <Spinner label="Loading the conversation…" />}
      {runs.isError && !runs.data && (
        <Alert title="Could not load the runs of this session">
          <p>{errorMessage(runs.error)}</p>
        </Alert>
      )}
      {runs.isSuccess && items.length === 0 && (
        <p className="muted conversation__empty" data-testid="conversation-empty">
          No run yet. A prompt sent below starts one on the chosen runtime.
        </p>
      )}
      {totalPages > 1 && (
        <Pagination page={page} totalPages={totalPages} totalItems={runs.data?.totalItems ?? 0} itemLabel="runs" onPageChange={setPage} />
      )}
      {items.length > 0 && (
        <ol className="conversation__turns" aria-label="Prompts and runs, oldest first">
          {items.map((run) => (
            <li key={run.id}>
              <LiveRunTurn listed={run} poll={!streamLive} />
            </li>
          ))}
        </ol>
      )}
      <PromptComposer sessionId={sessionId} open={open} closedNote={closedNote} openNote={openNote} onWritten={onPromptWritten} />
    </div>
  );
};
