import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aPage } from '@/testing/fixtures';
import { jsonResponse, mockApi, problemResponse, renderWithProviders } from '@/testing/test-utils';
import type { ProjectionStatus } from '../types';
import { progressState, ReadModelsTable } from './read-models-table';

const aStatus = (overrides: Partial<ProjectionStatus> = {}): ProjectionStatus => ({
  name: 'sessions',
  segments: 4,
  position: 120,
  head: 120,
  replaying: false,
  running: true,
  deadLetters: 0,
  caughtUp: true,
  rebuildable: true,
  ...overrides,
});

const notRebuildable = () => problemResponse({ status: 404, code: 'PROJECTION_NOT_FOUND', title: 'No such projection' });

/** `sessions` has a dead-letter queue (a read model); the processes answer 404 for theirs. */
const queues = {
  'GET /api/admin/projections/sessions/dead-letters': () => jsonResponse(aPage([])),
  'GET /api/admin/projections/tool-call-runs/dead-letters': notRebuildable,
};

const rowOf = async (name: string) => {
  const rows = await screen.findAllByTestId('projection-row');
  const row = rows.find((r) => r.dataset.projection === name);
  if (!row) throw new Error(`no row for ${name}`);
  return row;
};

describe('progressState', () => {
  it('names what a processor is doing, a stopped or replaying one before its numbers', () => {
    expect(progressState(aStatus()).label).toBe('caught up');
    expect(progressState(aStatus({ position: 100, caughtUp: false })).label).toBe('behind by 20 events');
    expect(progressState(aStatus({ position: 119, caughtUp: false })).label).toBe('behind by 1 event');
    expect(progressState(aStatus({ position: 3, replaying: true, caughtUp: false })).label).toBe('replaying');
    expect(progressState(aStatus({ running: false, caughtUp: false })).label).toBe('stopped');
    expect(progressState(aStatus({ running: false, replaying: true, caughtUp: false })).label).toBe('stopped');
    expect(progressState(aStatus({ deadLetters: 2, caughtUp: false })).label).toBe('held up by dead letters');
    expect(progressState(aStatus({ caughtUp: false })).label).toBe('catching up');
  });
});

describe('ReadModelsTable', () => {
  it('shows each processor with its progress, state and dead letters; only a read model can be rebuilt', async () => {
    mockApi({
      'GET /api/admin/projections': () =>
        jsonResponse([
          aStatus({ position: 1_000, head: 1_234, deadLetters: 3, caughtUp: false }),
          aStatus({ name: 'tool-call-runs', segments: 1, position: 1_234, head: 1_234, rebuildable: false }),
        ]),
      ...queues,
    });
    renderWithProviders(<ReadModelsTable />);

    const sessions = await rowOf('sessions');
    expect(within(sessions).getByTestId('projection-position')).toHaveTextContent('1,000 / 1,234');
    expect(within(sessions).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1000');
    expect(within(sessions).getByTestId('projection-state')).toHaveTextContent('behind by 234 events');
    expect(within(sessions).getByTestId('projection-dead-letters')).toHaveTextContent('⚠ 3 dead letters');
    expect(within(sessions).getByRole('link', { name: /3 dead letters/ })).toHaveAttribute('href', '#dead-letters-sessions');
    await waitFor(() => expect(within(sessions).getByTestId('projection-kind')).toHaveTextContent('read model · 4 segments'));
    expect(within(sessions).getByTestId('projection-rebuild')).toBeInTheDocument();

    const runs = await rowOf('tool-call-runs');
    expect(within(runs).getByTestId('projection-state')).toHaveTextContent('caught up');
    expect(within(runs).getByTestId('projection-dead-letters')).toHaveTextContent('none');
    await waitFor(() => expect(within(runs).getByTestId('projection-kind')).toHaveTextContent('process · 1 segment'));
    expect(within(runs).queryByTestId('projection-rebuild')).not.toBeInTheDocument();
    expect(runs).toHaveTextContent('not rebuildable');
  });

  it('rebuilds only after the confirmation, and shows the replay the node started', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    let status = aStatus();
    const api = mockApi({
      'GET /api/admin/projections': () => jsonResponse([status]),
      'POST /api/admin/projections/sessions/rebuild': () => {
        status = aStatus({ position: 0, replaying: true, caughtUp: false });
        return jsonResponse(status, { status: 202 });
      },
      ...queues,
    });
    const { user } = renderWithProviders(<ReadModelsTable />);
    const row = await rowOf('sessions');

    await user.click(await within(row).findByTestId('projection-rebuild'));
    expect(confirm).toHaveBeenLastCalledWith(expect.stringContaining('tables are cleared and every event in the store is replayed'));
    expect(api.callsTo('POST', '/api/admin/projections/sessions/rebuild')).toHaveLength(0);

    await user.click(within(row).getByTestId('projection-rebuild'));

    await waitFor(() => expect(within(row).getByTestId('projection-state')).toHaveTextContent('replaying'));
    expect(api.callsTo('POST', '/api/admin/projections/sessions/rebuild')).toHaveLength(1);
    expect(within(row).getByTestId('projection-position')).toHaveTextContent('0 / 120');
  });

  it('explains a refused rebuild', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    mockApi({
      'GET /api/admin/projections': () => jsonResponse([aStatus()]),
      'POST /api/admin/projections/sessions/rebuild': notRebuildable,
      ...queues,
    });
    const { user } = renderWithProviders(<ReadModelsTable />);

    await user.click(await within(await rowOf('sessions')).findByTestId('projection-rebuild'));

    expect(await screen.findByTestId('projection-rebuild-error')).toHaveTextContent(
      '“sessions” cannot be rebuilt: it is not a rebuildable read model.',
    );
  });

  it('shows why the list could not be loaded', async () => {
    mockApi({ 'GET /api/admin/projections': () => problemResponse({ status: 503, title: 'Unavailable', detail: 'The event store is down.' }) });
    renderWithProviders(<ReadModelsTable />);

    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the read modelsThe event store is down.');
  });
});
