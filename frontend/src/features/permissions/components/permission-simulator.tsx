import { useState, type FormEvent } from 'react';
import { fieldErrorsOf, FormError } from '@/components/form-error';
import { SelectField, TextAreaField, TextField } from '@/components/field';
import { SubmitRow } from '@/components/submit-row';
import { shortId } from '@/lib/format';
import { useFieldErrors } from '@/lib/use-field-errors';
import { useSessionChoices, useSubagentChoices } from '@/lib/choices';
import { useSimulateToolCall } from '../api/simulate-tool-call';
import type { RuleRef, Simulation } from '../types';
import { OutcomeBadge } from './outcome-badge';

export const DEFAULT_SIMULATION_INPUT = '{"command":"git push origin main"}';

const RefLine = ({ rule, muted = false }: { rule: RuleRef; muted?: boolean }) => (
  <>
    <OutcomeBadge outcome={rule.outcome} muted={muted} /> <code>{rule.rule}</code>{' '}
    <span className="muted">
      · {rule.scope}
      {rule.policy && ` · policy ${rule.policy}`}
      {rule.priority !== null && rule.priority !== undefined && ` · priority ${rule.priority}`}
    </span>
  </>
);

const SimulationResult = ({ simulation }: { simulation: Simulation }) => (
  <div className="simulation" data-testid="simulation-result" role="status">
    <p className="simulation__verdict">
      <span className="muted">Outcome</span> <OutcomeBadge outcome={simulation.outcome} testId="simulate-outcome" />
    </p>
    {simulation.reason && (
      <p data-testid="simulate-reason" className="simulation__reason">
        {simulation.reason}
      </p>
    )}
    <div>
      <p className="field__label">Decided by</p>
      <p data-testid="simulate-decided-by">
        {simulation.decidedBy ? <RefLine rule={simulation.decidedBy} /> : <span className="muted">No rule matched: the call asks.</span>}
      </p>
    </div>
    <div>
      <p className="field__label">Shadowed ({simulation.shadowed.length})</p>
      <ul className="simulation__shadowed" data-testid="simulate-shadowed">
        {simulation.shadowed.length === 0 && <li className="muted">No other rule matched.</li>}
        {simulation.shadowed.map((rule, index) => (
          <li key={`${rule.ruleId ?? rule.rule}-${index}`} className="simulation__shadowed-rule" data-testid="simulate-shadowed-rule">
            <RefLine rule={rule} muted />
          </li>
        ))}
      </ul>
    </div>
  </div>
);

/** Asks the evaluator what it would decide for a call, which rule decides and which ones it shadows. */
export const PermissionSimulator = () => {
  const [tool, setTool] = useState('Bash');
  const [input, setInput] = useState(DEFAULT_SIMULATION_INPUT);
  const [sessionId, setSessionId] = useState('');
  const [subagentId, setSubagentId] = useState('');
  const { errors, setErrors, edit } = useFieldErrors();
  const sessions = useSessionChoices();
  const subagents = useSubagentChoices();
  const simulate = useSimulateToolCall();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(input || '{}');
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) found.input = 'The input is a JSON object, e.g. {"command":"ls"}.';
    } catch (error) {
      found.input = `Not valid JSON: ${error instanceof Error ? error.message : 'parse error'}`;
    }
    if (!tool.trim()) found.tool = 'Name the tool, e.g. Bash, Read, WebFetch or mcp__github__create_issue.';
    setErrors(found);
    if (Object.keys(found).length) return;
    simulate.mutate(
      { tool, input: parsed as Record<string, unknown>, sessionId: sessionId || undefined, subagentId: subagentId || undefined },
      { onError: (error) => setErrors(fieldErrorsOf(error)) },
    );
  };

  return (
    <div className="simulator">
      <form className="form" onSubmit={submit} noValidate aria-label="Simulate a tool call" data-testid="simulate-form">
        <div className="form__row">
          <TextField
            label="Tool"
            value={tool}
            onChange={(e) => setTool(e.target.value)}
            error={errors.tool}
            spellCheck={false}
            data-testid="simulate-tool"
          />
          <SelectField
            label="Session"
            value={sessionId}
            onChange={(e) => setSessionId(e.target.value)}
            options={(sessions.data ?? []).map((s) => ({ value: s.id, label: `${s.title?.trim() || 'Untitled session'} (${shortId(s.id)})` }))}
            placeholder="No session"
            data-testid="simulate-session"
          />
          <SelectField
            label="Subagent"
            value={subagentId}
            onChange={(e) => setSubagentId(e.target.value)}
            options={(subagents.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            placeholder="No subagent"
            data-testid="simulate-subagent"
          />
        </div>
        <TextAreaField
          label="Input (JSON)"
          rows={4}
          value={input}
          onChange={edit(setInput, 'input')}
          error={errors.input}
          hint={
            <>
              What the tool would get: <code>{'{"command":"…"}'}</code> for Bash, <code>{'{"file_path":"…"}'}</code> for Read,{' '}
              <code>{'{"url":"…"}'}</code> for WebFetch.
            </>
          }
          spellCheck={false}
          data-testid="simulate-input"
        />
        <FormError error={simulate.error} title="Could not simulate" placedFields={['tool', 'input']} testId="simulate-error" />
        <SubmitRow busy={simulate.isPending} busyLabel="Evaluating…" data-testid="simulate-submit">
          Simulate
        </SubmitRow>
      </form>
      {simulate.data && !simulate.isPending && <SimulationResult simulation={simulate.data} />}
    </div>
  );
};
