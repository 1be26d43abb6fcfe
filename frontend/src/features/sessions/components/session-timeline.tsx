import { RelativeTime } from '@/components/relative-time';
import type { Interaction, InteractionType } from '../types';

const TYPES: Record<InteractionType, { label: string; icon: string }> = {
  user_input: { label: 'User input', icon: '›' },
  ai_response: { label: 'AI response', icon: '◆' },
  tool_use: { label: 'Tool use', icon: '⚙' },
  error: { label: 'Error', icon: '!' },
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
                {interaction.by && <span className="timeline__by">{interaction.byName ?? interaction.by}</span>}
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
