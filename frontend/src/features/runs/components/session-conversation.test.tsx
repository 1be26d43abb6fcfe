import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aPage, SESSION_ID } from '@/testing/fixtures';
import { AGENT_RUN_ID, anAgentRun, someRuntimes, TOOL_CALL_ID, TRACE_ID } from '@/testing/run-fixtures';
import { jsonResponse, mockApi, problemResponse, renderWithProviders } from '@/testing/test-utils';
import type { RunView } from '../types';
import { SessionConversation, type SessionConversationProps } from './session-conversation';

const runsPath = `/api/sessions/${SESSION_ID}/runs`;
const runPath = `/api/runs/${AGENT_RUN_ID}`;

const renderConversation = (runs: RunView[], handlers: Parameters<typeof mockApi>[0] = {}, props: Partial<SessionConversationProps> = {}) => {
  const api = mockApi({
    'GET /api/runtimes': () => jsonResponse(someRuntimes()),
    [`GET ${runsPath}`]: () => jsonResponse(aPage(runs)),
    ...Object.fromEntries(runs.map((run) => [`GET /api/runs/${run.id}`, () => jsonResponse(run)])),
    ...handlers,
  });
  const onPromptWritten = vi.fn();
  const rendered = renderWithProviders(<SessionConversation sessionId={SESSION_ID} open onPromptWritten={onPromptWritten} {...props} />);
  return { ...rendered, api, onPromptWritten };
};

describe('SessionConversation', () => {
  it('shows each prompt with the run answering it: answer, runtime, usage, and links to the run and its trace', async () => {
    const { api } = renderConversation([anAgentRun({ cost: 0.0123, fallbacks: ['openclaw → openai: connection refused'] })]);

    const turn = await screen.findByTestId(`agent-run-turn-${AGENT_RUN_ID}`);
    expect(within(turn).getByTestId('agent-run-prompt')).toHaveTextContent('List the files');
    expect(within(turn).getByTestId('agent-run-prompt')).toHaveTextContent('Ada Lovelace');
    expect(within(turn).getByTestId('agent-run-state')).toHaveTextContent(/^completed$/);
    expect(within(turn).getByTestId('agent-run-answer')).toHaveTextContent('Here they are.');
    expect(within(turn).getByTestId('agent-run-runtime')).toHaveTextContent('local · local-deterministic');
    expect(within(turn).getByTestId('agent-run-fallback')).toHaveTextContent('Fell back: openclaw → openai: connection refused');
    expect(within(turn).getByTestId('agent-run-tokens')).toHaveTextContent('1,200 in / 80 out tokens');
    expect(within(turn).getByTestId('agent-run-cost')).toHaveTextContent('$0.0123');
    expect(within(turn).getByTestId('agent-run-latency')).toHaveTextContent('4.2 s');
    expect(within(turn).getByTestId('agent-run-link')).toHaveAttribute('href', `/runs/${AGENT_RUN_ID}`);
    expect(within(turn).getByTestId('agent-run-trace-link')).toHaveAttribute('href', `/traces/${TRACE_ID}`);
    expect(within(turn).queryByTestId('agent-run-cancel')).not.toBeInTheDocument();
    expect(api.callsTo('GET', runsPath)[0].search.toString()).toBe('page=0&size=20');
  });

  it('shows a running run streaming, its tool call waiting for approval with the way to decide, and a Cancel button', async () => {
    const running = anAgentRun({
      state: 'awaiting_approval',
      answer: null,
      output: 'I will list them.',
      endedAt: null,
      toolCalls: [{ toolCallId: TOOL_CALL_ID, step: 1, tool: 'Bash', input: { command: 'ls -la' }, status: 'awaiting_approval', output: null, error: false }],
    });
    const { user, api } = renderConversation([running], {
      [`POST ${runPath}/cancel`]: () => jsonResponse({ id: AGENT_RUN_ID, version: 9 }, { status: 202 }),
    });

    const turn = await screen.findByTestId(`agent-run-turn-${AGENT_RUN_ID}`);
    expect(within(turn).getByTestId('agent-run-output-streamed')).toHaveTextContent('I will list them.');
    const call = within(turn).getByTestId(`agent-run-tool-call-${TOOL_CALL_ID}`);
    expect(call).toHaveTextContent('Bash');
    expect(call).toHaveTextContent('ls -la');
    expect(within(call).getByTestId('agent-run-tool-call-status')).toHaveTextContent('awaiting_approval');
    expect(within(call).getByTestId('agent-run-tool-call-decide')).toHaveAttribute('href', `/tool-calls/${TOOL_CALL_ID}`);
    expect(within(turn).getByTestId('agent-run-latency')).toHaveTextContent('so far');

    await user.click(within(turn).getByTestId('agent-run-cancel'));

    await waitFor(() => expect(api.callsTo('POST', `${runPath}/cancel`)).toHaveLength(1));
    await waitFor(() => expect(api.callsTo('GET', runPath).some((c) => c.search.get('minVersion') === '9')).toBe(true));
  });

  it('approves a waiting tool call in place, bound to the input it showed, and reads the run again', async () => {
    const waiting = anAgentRun({
      state: 'awaiting_approval',
      answer: null,
      output: null,
      endedAt: null,
      toolCalls: [{ toolCallId: TOOL_CALL_ID, step: 1, tool: 'Bash', input: { command: 'ls' }, status: 'awaiting_approval', output: null, error: false }],
    });
    const { user, api } = renderConversation([waiting], {
      [`GET /api/tool-calls/${TOOL_CALL_ID}`]: () =>
        jsonResponse({ id: TOOL_CALL_ID, status: 'awaiting_approval', input: { command: 'ls -la\nrm -rf build' }, inputHash: 'hash-7' }),
      [`POST /api/tool-calls/${TOOL_CALL_ID}/decision`]: () => jsonResponse({ id: TOOL_CALL_ID, version: 3 }),
    });

    expect(await screen.findByTestId('agent-run-tool-call-input')).toHaveTextContent('rm -rf build');
    const runReads = api.callsTo('GET', runPath).length;
    await user.click(screen.getByTestId('agent-run-tool-call-approve'));

    expect(await screen.findByTestId('agent-run-tool-call-decided')).toHaveTextContent('Approved; the run goes on.');
    expect(api.callsTo('POST', `/api/tool-calls/${TOOL_CALL_ID}/decision`)[0].body).toEqual({ decision: 'approve', inputHash: 'hash-7' });
    await waitFor(() => expect(api.callsTo('GET', runPath).length).toBeGreaterThan(runReads));
  });

  it('says why a decision was refused', async () => {
    const waiting = anAgentRun({
      state: 'awaiting_approval',
      answer: null,
      endedAt: null,
      toolCalls: [{ toolCallId: TOOL_CALL_ID, step: 1, tool: 'Bash', input: { command: 'ls' }, status: 'awaiting_approval', output: null, error: false }],
    });
    const { user } = renderConversation([waiting], {
      [`GET /api/tool-calls/${TOOL_CALL_ID}`]: () => jsonResponse({ id: TOOL_CALL_ID, status: 'awaiting_approval', input: { command: 'ls' }, inputHash: 'hash-7' }),
      [`POST /api/tool-calls/${TOOL_CALL_ID}/decision`]: () =>
        problemResponse({ status: 409, title: 'Conflict', detail: 'This approval was already decided', code: 'APPROVAL_ALREADY_DECIDED' }),
    });

    await user.click(await screen.findByTestId('agent-run-tool-call-deny'));

    expect(await screen.findByRole('alert')).toHaveTextContent('Not decided: This approval was already decided');
  });

  it('says why a run failed, with its code, and never as an answer', async () => {
    renderConversation([
      anAgentRun({ state: 'failed', answer: null, output: null, errorCode: 'RUNTIME_UNAVAILABLE', error: 'openai: connection refused' }),
    ]);

    const error = await screen.findByTestId('agent-run-error');
    expect(error).toHaveTextContent('Run failed · RUNTIME_UNAVAILABLE');
    expect(error).toHaveTextContent('openai: connection refused');
    expect(screen.queryByTestId('agent-run-answer')).not.toBeInTheDocument();
  });

  it('offers the configured runtimes, labels the local one as no model, and explains its run: syntax', async () => {
    const { user } = renderConversation([]);

    expect(await screen.findByTestId('conversation-empty')).toBeInTheDocument();
    const picker = await screen.findByTestId('prompt-runtime');
    await waitFor(() => expect(picker).toHaveValue('local'));
    const labels = within(picker)
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(labels).toEqual(['local (deterministic demo runtime — no model) · node default', 'openai · gpt-4o-mini']);
    expect(screen.getByTestId('prompt-local-hint')).toHaveTextContent('run: <shell command>');
    expect(screen.queryByTestId('prompt-model')).not.toBeInTheDocument();

    await user.selectOptions(picker, 'openai');

    expect(screen.queryByTestId('prompt-local-hint')).not.toBeInTheDocument();
    expect(screen.getByTestId('prompt-model')).toHaveAttribute('placeholder', 'gpt-4o-mini');
  });

  it('sends the prompt with the chosen runtime and model, and shows the run it started', async () => {
    let runs: RunView[] = [];
    const started = anAgentRun({ state: 'running', answer: null, output: '', endedAt: null, runtime: 'openai', model: 'gpt-4o', version: 0 });
    const { user, api, onPromptWritten } = renderConversation([], {
      [`GET ${runsPath}`]: () => jsonResponse(aPage(runs)),
      [`POST /api/sessions/${SESSION_ID}/prompt`]: () => {
        runs = [started];
        return jsonResponse({ id: SESSION_ID, version: 3, interactionId: 'i-9', runId: AGENT_RUN_ID, traceId: 'trace-9' }, { status: 202 });
      },
      [`GET ${runPath}`]: () => jsonResponse(started),
    });
    await screen.findByTestId('conversation-empty');

    await user.type(screen.getByTestId('session-prompt-input'), 'Fix the build');
    await user.selectOptions(await screen.findByTestId('prompt-runtime'), 'openai');
    await user.type(screen.getByTestId('prompt-model'), ' gpt-4o ');
    await user.click(screen.getByTestId('session-prompt-submit'));

    expect(await screen.findByTestId(`agent-run-turn-${AGENT_RUN_ID}`)).toHaveAttribute('data-state', 'running');
    expect(api.callsTo('POST', `/api/sessions/${SESSION_ID}/prompt`)[0].body).toEqual({ text: 'Fix the build', runtime: 'openai', model: 'gpt-4o' });
    expect(onPromptWritten).toHaveBeenCalledWith(expect.objectContaining({ version: 3, runId: AGENT_RUN_ID }));
    expect(screen.getByTestId('session-prompt-input')).toHaveValue('');
    expect(screen.getByTestId('agent-run-output-waiting')).toHaveTextContent('Thinking…');
    expect(screen.queryByTestId('prompt-recorded-only')).not.toBeInTheDocument();
  });

  it('says the prompt was only recorded when the node has no runtime, and how to configure one', async () => {
    const { user, api } = renderConversation([], {
      'GET /api/runtimes': () =>
        jsonResponse({ defaultRuntime: null, runtimes: [{ name: 'openai', configured: false, deterministic: false, defaultModel: null }] }),
      [`POST /api/sessions/${SESSION_ID}/prompt`]: () => jsonResponse({ id: SESSION_ID, version: 2, interactionId: 'i-2' }),
    });

    expect(await screen.findByTestId('prompt-no-runtime')).toHaveTextContent('OPENAI_API_KEY');
    await user.type(screen.getByTestId('session-prompt-input'), 'Hello');
    await user.click(screen.getByTestId('session-prompt-submit'));

    expect(await screen.findByTestId('prompt-recorded-only')).toHaveTextContent('Recorded; no runtime configured on this node.');
    expect(api.callsTo('POST', `/api/sessions/${SESSION_ID}/prompt`)[0].body).toEqual({ text: 'Hello' });
  });

  it('shows why a prompt was refused and keeps the text', async () => {
    const { user } = renderConversation([], {
      [`POST /api/sessions/${SESSION_ID}/prompt`]: () =>
        problemResponse({ status: 409, title: 'Not configured', detail: 'The runtime is not configured on this node', code: 'RUN_RUNTIME_NOT_CONFIGURED' }),
    });
    await screen.findByTestId('conversation-empty');

    await user.type(screen.getByTestId('session-prompt-input'), 'Hello');
    await user.click(screen.getByTestId('session-prompt-submit'));

    expect(await screen.findByRole('alert')).toHaveTextContent('The runtime is not configured on this node');
    expect(screen.getByTestId('session-prompt-input')).toHaveValue('Hello');
  });

  it('takes no prompt while the session does not, and says why', async () => {
    renderConversation([], {}, { open: false, closedNote: 'A paused session does not take prompts until it is resumed.' });

    expect(await screen.findByTestId('session-prompt-input')).toBeDisabled();
    expect(screen.getByTestId('session-prompt-submit')).toBeDisabled();
    expect(screen.getByTestId('prompt-composer')).toHaveTextContent('until it is resumed');
  });
});
