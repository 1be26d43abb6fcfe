import { RelativeTime } from '@/components/relative-time';
import type { Interaction, InteractionType } from '../types';

const TYPES: Record<InteractionType, { label: string; icon: string }> = {
  user_input: { label: 'User input', icon: '›' },
  ai_response: { label: 'AI response', icon: '◆' },
  tool_use: { label: 'Tool use', icon: '⚙' },
  error: { label: 'Error', icon: '!' },
};

/**
 * Who wrote the entry: a run's answer is recorded under its owner's id (the run acts for them), but the words are the
 * agent's, so it says so and names the run's runtime when the metadata carries it.
 */
const authorOf = (interaction: Interaction): string | null => {
  const runId = interaction.metadata?.runId;
  if (interaction.type === 'ai_response' && typeof runId === 'string') {
    return `agent run ${runId.slice(0, 8)} for ${interaction.byName ?? interaction.by ?? 'its owner'}`;
  }
  return interaction.by ? (interaction.byName ?? interaction.by) : null;
};

export type SessionTimelineProps = { interactions: Interaction[]; totalCount: number };

export const SessionTimeline = ({ interactions, totalCount }: SessionTimelineProps) => (
  <div className="timeline-wrap">
    {totalCount > interactions.length && (
      <p className="muted timeline__note">
        Showing the latest {interactions.length} of {totalCount} interactions.
      </p>
    )}
    <ol className="timeline" data-testid="session-timeline" aria-label="Interactions, oldest first">
      {interactions.length === 0 && <li className="timeline__empty">No interactions yet. Send a prompt to begin.</li>}
      {interactions.map((interaction) => {
        const type = TYPES[interaction.type] ?? { label: interaction.type, icon: '·' };
        const author = authorOf(interaction);
        return (
          <li
            key={interaction.id}
            className={`timeline__item timeline__item--${interaction.type}`}
            data-testid="timeline-item"
            data-type={interaction.type}
          >
            <div className="timeline__icon" aria-hidden="true">
              {type.icon}
            </div>
            <div className="timeline__body">
              <div className="timeline__meta">
                <span className="timeline__type">{type.label}</span>
                {author && <span className="timeline__by">{author}</span>}
                <span className="timeline__at">
                  <RelativeTime value={interaction.at} />
                </span>
                <span className="timeline__seq">#{interaction.sequence}</span>
              </div>
              <pre className="timeline__content">{interaction.content}</pre>
            </div>
          </li>
        );
      })}
    </ol>
  </div>
);
