import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { FormError } from '@/components/form-error';
import { SelectField, TextField } from '@/components/field';
import { useRuntimes } from '../api/list-runtimes';
import { useSubmitPrompt } from '../api/submit-prompt';
import type { PromptResult, Runtime, RuntimeCatalog } from '../types';

/** The deterministic runtime's label: nobody should mistake its answers for a model's. */
export const LOCAL_RUNTIME_LABEL = 'deterministic demo runtime — no model';

export const runtimeLabel = (runtime: Runtime, defaultRuntime: string | null): string => {
  const what = runtime.deterministic ? `${runtime.name} (${LOCAL_RUNTIME_LABEL})` : runtime.name;
  const model = runtime.defaultModel && !runtime.deterministic ? ` · ${runtime.defaultModel}` : '';
  return `${what}${model}${runtime.name === defaultRuntime ? ' · node default' : ''}`;
};

const usable = (catalog: RuntimeCatalog | undefined) => (catalog?.runtimes ?? []).filter((runtime) => runtime.configured);

export type PromptComposerProps = {
  sessionId: string;
  /** Whether the session takes prompts now; `closedNote` says why not. */
  open: boolean;
  closedNote?: string;
  /** Said under the box while it is open ("Sending a prompt starts execution."). */
  openNote?: string;
  onWritten?: (result: PromptResult) => void;
};

/** The prompt box: text, which runtime answers it (and which model), and what happened to the last prompt. */
export const PromptComposer = ({ sessionId, open, closedNote, openNote, onWritten }: PromptComposerProps) => {
  const id = useId();
  const [text, setText] = useState('');
  // `undefined`: the node's default; the picker only sends what someone chose.
  const [runtime, setRuntime] = useState<string | undefined>();
  const [model, setModel] = useState('');
  const [recordedOnly, setRecordedOnly] = useState(false);
  const runtimes = useRuntimes();
  const submit = useSubmitPrompt({ onWritten });
  const choices = usable(runtimes.data);
  const nodeDefault = choices.some((choice) => choice.name === runtimes.data?.defaultRuntime) ? runtimes.data?.defaultRuntime : undefined;
  const chosen = runtime ?? nodeDefault ?? '';
  const chosenRuntime = choices.find((choice) => choice.name === chosen);
  const noRuntime = runtimes.isSuccess && choices.length === 0;
  const canSend = open && text.trim().length > 0 && !submit.isPending;

  const send = (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSend) return;
    setRecordedOnly(false);
    submit.mutate(
      { sessionId, text, runtime, model: chosenRuntime?.deterministic ? undefined : model },
      {
        onSuccess: (result) => {
          setText('');
          setRecordedOnly(!result.runId);
        },
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) send();
  };

  return (
    <form className="prompt-box" onSubmit={send} aria-label="Prompt" data-testid="prompt-composer">
      <label htmlFor={id} className="field__label">
        Prompt
      </label>
      <textarea
        id={id}
        className="input input--multiline prompt-box__input"
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        disabled={!open}
        aria-describedby={`${id}-hint`}
        placeholder={open ? 'Tell the agent what to do next…' : undefined}
        data-testid="session-prompt-input"
      />
      <div className="prompt-box__options">
        <SelectField
          label="Runtime"
          value={chosen}
          onChange={(e) => setRuntime(e.target.value || undefined)}
          disabled={!open || choices.length === 0}
          options={choices.map((choice) => ({ value: choice.name, label: runtimeLabel(choice, runtimes.data?.defaultRuntime ?? null) }))}
          placeholder={runtimes.isPending ? 'Loading runtimes…' : choices.length === 0 ? 'No runtime configured' : nodeDefault ? undefined : 'The node decides'}
          data-testid="prompt-runtime"
        />
        {!chosenRuntime?.deterministic && (
          <TextField
            label="Model (optional)"
            value={model}
            onChange={(e) => setModel(e.target.value)}
            disabled={!open || choices.length === 0}
            placeholder={chosenRuntime?.defaultModel ?? 'the runtime’s default'}
            maxLength={200}
            data-testid="prompt-model"
          />
        )}
      </div>
      {chosenRuntime?.deterministic && (
        <p className="field__hint" data-testid="prompt-local-hint">
          The {LOCAL_RUNTIME_LABEL} answers by rule, for trying the flow without a key. A line <code>run: &lt;shell command&gt;</code>{' '}
          asks for a Bash tool call (e.g. <code>run: ls -la</code>), which passes your permission rules and, in plan mode, waits for
          your approval.
        </p>
      )}
      {noRuntime && (
        <p className="field__hint" data-testid="prompt-no-runtime">
          No runtime is configured on this node: prompts are recorded, and nothing answers them. Set <code>OPENAI_BASE_URL</code>,{' '}
          <code>OPENAI_API_KEY</code> and <code>OPENAI_MODEL</code> (OpenAI or a local Ollama, vLLM or LM Studio), or{' '}
          <code>OPENCLAW_GATEWAY_URL</code> and <code>OPENCLAW_GATEWAY_TOKEN</code>, and restart the node.
        </p>
      )}
      <div className="prompt-box__footer">
        <p className="field__hint" id={`${id}-hint`}>
          {open ? `${openNote ? `${openNote} ` : ''}Ctrl+Enter sends.` : closedNote}
        </p>
        <button type="submit" className="button button--primary" disabled={!canSend} data-testid="session-prompt-submit">
          {submit.isPending ? 'Sending…' : 'Send'}
        </button>
      </div>
      {recordedOnly && (
        <p role="status" className="muted" data-testid="prompt-recorded-only">
          Recorded; no runtime configured on this node.
        </p>
      )}
      <FormError error={submit.error} title="Prompt not sent" placedFields={[]} />
    </form>
  );
};
