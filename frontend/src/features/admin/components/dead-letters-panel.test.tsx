import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aPage } from '@/testing/fixtures';
import { jsonResponse, mockApi, problemResponse, renderWithProviders, type RecordedCall } from '@/testing/test-utils';
import type { DeadLetter, ProjectionStatus } from '../types';
import { DeadLetterQueues, DeadLettersPanel } from './dead-letters-panel';

const SESSION = '0b7e0d8a-7f5c-4a53-9a55-1c3a1f1f0001';

const aLetter = (overrides: Partial<DeadLetter> = {}): DeadLetter => ({
  eventId: 'e1',
  sequence: SESSION,
  eventType: 'SessionCreated',
  aggregateSequence: 0,
  eventTimestamp: '2026-11-24T10:00:00Z',
  enqueuedAt: '2026-11-24T10:00:01Z',
  lastTouched: '2026-11-24T10:05:00Z',
  causeType: 'org.postgresql.util.PSQLException',
  causeMessage: 'ERROR: value too long for type character varying(200)\n  Where: the title column',
  ...overrides,
});

const aStatus = (overrides: Partial<ProjectionStatus> = {}): ProjectionStatus => ({
  name: 'sessions',
  segments: 4,
  position: 10,
  head: 10,
  replaying: false,
  running: true,
  deadLetters: 0,
  caughtUp: true,
  rebuildable: true,
  ...overrides,
});

const LETTERS = '/api/admin/projections/sessions/dead-letters';

/** A queue the handlers below change, answered page by page as the node does. */
const aQueue = (initial: DeadLetter[]) => {
  let letters = initial;
  return {
    get letters() {
      return letters;
    },
    set letters(next: DeadLetter[]) {
      letters = next;
    },
    page: ({ search }: RecordedCall) => {
      const page = Number(search.get('page') ?? 0);
      const size = Number(search.get('size') ?? 20);
      return jsonResponse(
        aPage(letters.slice(page * size, page * size + size), {
          page,
          size,
          totalItems: letters.length,
          totalPages: Math.ceil(letters.length / size),
        }),
      );
    },
  };
};

describe('DeadLettersPanel', () => {
  it('lists what could not be applied and why, paginated', async () => {
    const queue = aQueue([aLetter(), ...Array.from({ length: 20 }, (_, i) => aLetter({ eventId: `e${i + 2}`, eventType: 'SessionRenamed' }))]);
    const api = mockApi({ [`GET ${LETTERS}`]: queue.page });
    const { user } = renderWithProviders(<DeadLettersPanel name="sessions" />);

    const letters = await screen.findAllByTestId('dead-letter');
    expect(letters).toHaveLength(20);
    const first = letters[0];
    expect(within(first).getByTestId('dead-letter-type')).toHaveTextContent('SessionCreated');
    expect(within(first).getByTestId('dead-letter-sequence')).toHaveTextContent(SESSION);
    expect(first).toHaveTextContent('event #0');
    const cause = within(first).getByTestId('dead-letter-cause');
    expect(cause.tagName).toBe('PRE');
    expect(cause.textContent).toBe(
      'org.postgresql.util.PSQLException\nERROR: value too long for type character varying(200)\n  Where: the title column',
    );
    expect(screen.getByTestId('pagination-status')).toHaveTextContent('Page 1 of 2 · 21 dead letters');

    await user.click(screen.getByRole('button', { name: /next/i }));

    await waitFor(() => expect(screen.getAllByTestId('dead-letter')).toHaveLength(1));
    expect(api.callsTo('GET', LETTERS).at(-1)?.url).toBe(`${LETTERS}?page=1&size=20`);
  });

  it('retries all and shows how many sequences were tried and how many letters are left', async () => {
    const queue = aQueue([aLetter(), aLetter({ eventId: 'e2', sequence: 'other', causeMessage: 'still broken' })]);
    const api = mockApi({
      [`GET ${LETTERS}`]: queue.page,
      [`POST ${LETTERS}/retry`]: () => {
        queue.letters = queue.letters.filter((letter) => letter.eventId === 'e2');
        return jsonResponse({ sequencesTried: 2, deadLettersLeft: 1, status: aStatus({ deadLetters: 1, caughtUp: false }) });
      },
    });
    const { user } = renderWithProviders(<DeadLettersPanel name="sessions" />);
    await screen.findAllByTestId('dead-letter');

    await user.click(screen.getByTestId('dead-letters-retry'));

    expect(await screen.findByTestId('dead-letters-retry-outcome')).toHaveTextContent('Tried 2 sequences; 1 dead letter left.');
    expect(api.callsTo('POST', `${LETTERS}/retry`)).toHaveLength(1);
    await waitFor(() => expect(screen.getAllByTestId('dead-letter')).toHaveLength(1));
    expect(screen.getByTestId('dead-letter')).toHaveTextContent('still broken');
  });

  it('evicts a letter only after the confirmation', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const queue = aQueue([aLetter(), aLetter({ eventId: 'e2' })]);
    const api = mockApi({
      [`GET ${LETTERS}`]: queue.page,
      [`DELETE ${LETTERS}/e1`]: () => {
        queue.letters = queue.letters.filter((letter) => letter.eventId !== 'e1');
        return new Response(null, { status: 204 });
      },
    });
    const { user } = renderWithProviders(<DeadLettersPanel name="sessions" />);
    const first = (await screen.findAllByTestId('dead-letter'))[0];

    await user.click(within(first).getByTestId('dead-letter-evict'));
    expect(confirm).toHaveBeenLastCalledWith(expect.stringContaining('The read model will never apply it; only a rebuild meets it again.'));
    expect(api.callsTo('DELETE', `${LETTERS}/e1`)).toHaveLength(0);

    await user.click(within(first).getByTestId('dead-letter-evict'));

    await waitFor(() => expect(screen.getAllByTestId('dead-letter')).toHaveLength(1));
    expect(api.callsTo('DELETE', `${LETTERS}/e1`)).toHaveLength(1);
    expect(screen.getByTestId('dead-letter')).toHaveAttribute('data-event-id', 'e2');
  });

  it('steps back a page when evicting emptied the last one', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const queue = aQueue(Array.from({ length: 21 }, (_, i) => aLetter({ eventId: `e${i + 1}` })));
    mockApi({
      [`GET ${LETTERS}`]: queue.page,
      [`DELETE ${LETTERS}/e21`]: () => {
        queue.letters = queue.letters.filter((letter) => letter.eventId !== 'e21');
        return new Response(null, { status: 204 });
      },
    });
    const { user } = renderWithProviders(<DeadLettersPanel name="sessions" />);
    await screen.findAllByTestId('dead-letter');
    await user.click(screen.getByRole('button', { name: /next/i }));
    await waitFor(() => expect(screen.getAllByTestId('dead-letter')).toHaveLength(1));

    await user.click(screen.getByTestId('dead-letter-evict'));

    await waitFor(() => expect(screen.getAllByTestId('dead-letter')).toHaveLength(20));
    expect(screen.queryByText('No dead letters: every event was applied.')).not.toBeInTheDocument();
  });

  it('says so when the letter to evict is gone already', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    mockApi({
      [`GET ${LETTERS}`]: aQueue([aLetter()]).page,
      [`DELETE ${LETTERS}/e1`]: () => problemResponse({ status: 404, code: 'DEAD_LETTER_NOT_FOUND', title: 'No such dead letter' }),
    });
    const { user } = renderWithProviders(<DeadLettersPanel name="sessions" />);

    await user.click(await screen.findByTestId('dead-letter-evict'));

    expect(await screen.findByRole('alert')).toHaveTextContent('This dead letter is gone already: it was retried or evicted meanwhile.');
  });
});

describe('DeadLetterQueues', () => {
  it('opens a panel for each processor with dead letters, and keeps it open once a retry emptied it', async () => {
    let status = aStatus({ deadLetters: 1, caughtUp: false });
    const queue = aQueue([aLetter()]);
    mockApi({
      'GET /api/admin/projections': () => jsonResponse([status, aStatus({ name: 'tool-call-runs', rebuildable: false })]),
      [`GET ${LETTERS}`]: queue.page,
      [`POST ${LETTERS}/retry`]: () => {
        queue.letters = [];
        status = aStatus();
        return jsonResponse({ sequencesTried: 1, deadLettersLeft: 0, status });
      },
    });
    const { user } = renderWithProviders(<DeadLetterQueues />);

    const panels = await screen.findAllByTestId('dead-letters');
    expect(panels.map((panel) => panel.dataset.projection)).toEqual(['sessions']);
    expect(screen.getByRole('heading', { name: 'Dead letters · sessions' })).toBeInTheDocument();
    await screen.findByTestId('dead-letter');

    await user.click(screen.getByTestId('dead-letters-retry'));

    expect(await screen.findByTestId('dead-letters-retry-outcome')).toHaveTextContent('Tried 1 sequence; 0 dead letters left.');
    expect(await screen.findByText('No dead letters: every event was applied.')).toBeInTheDocument();
    expect(screen.getByTestId('dead-letters-retry')).toBeDisabled();
  });
});
