import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Interaction } from '../types';
import { SessionTimeline } from './session-timeline';

const entry = (over: Partial<Interaction>): Interaction => ({
  id: 'i1',
  sequence: 1,
  type: 'user_input',
  content: 'hello',
  metadata: null,
  by: 'u-1',
  byName: 'ada@example.com',
  at: '2026-12-06T02:00:00Z',
  ...over,
});

describe('SessionTimeline', () => {
  it("names a run's answer as the agent's, for the person it ran for, and a prompt by its writer", () => {
    render(
      <SessionTimeline
        totalCount={2}
        interactions={[
          entry({}),
          entry({
            id: 'i2',
            sequence: 2,
            type: 'ai_response',
            content: 'done',
            metadata: { runId: 'f1b8d264-07c2-4553-af27-4cb5f1e8df86' },
          }),
        ]}
      />,
    );
    const [prompt, answer] = screen.getAllByTestId('timeline-item');
    expect(prompt).toHaveTextContent('ada@example.com');
    expect(prompt).not.toHaveTextContent('agent run');
    expect(answer).toHaveTextContent('agent run f1b8d264 for ada@example.com');
  });

  it('shows no author where none was recorded', () => {
    render(<SessionTimeline totalCount={1} interactions={[entry({ by: null, byName: null })]} />);
    expect(screen.getByTestId('timeline-item').querySelector('.timeline__by')).toBeNull();
  });
});
