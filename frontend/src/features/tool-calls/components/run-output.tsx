import { useEffect, useRef } from 'react';
import { Alert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { errorMessage, isNotFound } from '@/lib/api-client';
import { useEventStreamStatus } from '@/lib/event-stream';
import { useRunOutput } from '../api/follow-run-output';

export type RunOutputPaneProps = { id: string; follow: boolean };

/** The run's stdout and stderr as they arrive; sticks to the bottom unless you scrolled up. */
export const RunOutputPane = ({ id, follow }: RunOutputPaneProps) => {
  const streamStatus = useEventStreamStatus();
  const output = useRunOutput(id, { follow, streamLive: streamStatus === 'live' });
  const pane = useRef<HTMLPreElement>(null);
  const stickToBottom = useRef(true);
  const chunks = output.data?.chunks ?? [];

  useEffect(() => {
    const element = pane.current;
    if (element && stickToBottom.current) element.scrollTop = element.scrollHeight;
  }, [chunks.length]);

  const following = follow && !output.data?.finished;
  return (
    <div className="run-output-wrap">
      <div className="run-output__status">
        {following ? (
          <Badge tone="accent" data-testid="run-output-state">
            <span className="live-dot" aria-hidden="true" /> streaming
          </Badge>
        ) : (
          <Badge tone="muted" data-testid="run-output-state">
            {output.data?.finished ? 'finished' : 'not running'}
          </Badge>
        )}
        <span className="muted">
          {chunks.length} chunk{chunks.length === 1 ? '' : 's'}
        </span>
        {output.data?.truncated && (
          <Badge tone="warning" data-testid="run-output-truncated">
            truncated
          </Badge>
        )}
      </div>
      {output.isError && !output.data && !isNotFound(output.error) && <Alert title="Could not load the output">{errorMessage(output.error)}</Alert>}
      <pre
        ref={pane}
        className="run-output"
        data-testid="run-output"
        role="log"
        aria-label="Run output"
        aria-busy={output.isPending}
        tabIndex={0}
        onScroll={(event) => {
          const element = event.currentTarget;
          stickToBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 24;
        }}
      >
        {chunks.map((chunk) => (
          <span key={chunk.sequence} className={`run-output__chunk run-output__chunk--${chunk.stream}`}>
            {chunk.text}
          </span>
        ))}
      </pre>
      {chunks.length === 0 && !output.isPending && (
        <p className="muted run-output__empty">{following ? 'Waiting for output…' : 'No output.'}</p>
      )}
      {output.data?.truncated && (
        <p className="muted">The output was longer than the node keeps; only its start is stored.</p>
      )}
    </div>
  );
};
