import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useSubmitPrompt } from '../api/submit-prompt';
import type { SessionView } from '../api/find-session';
import { acceptsPrompt } from '../types';
import { WriteError } from './write-error';

export const SessionPromptBox = ({ session }: { session: SessionView }) => {
  const id = useId();
  const [prompt, setPrompt] = useState('');
  const submitPrompt = useSubmitPrompt();
  const open = acceptsPrompt(session.status);
  const canSend = open && prompt.trim().length > 0 && !submitPrompt.isPending;

  const send = (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSend) return;
    submitPrompt.mutate({ id: session.id, prompt }, { onSuccess: () => setPrompt('') });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) send();
  };

  return (
    <form className="prompt-box" onSubmit={send}>
      <label htmlFor={id} className="field__label">
        Prompt
      </label>
      <textarea
        id={id}
        className="input input--multiline prompt-box__input"
        rows={4}
        value={prompt}
        onChange={(e) => setPrompt(e.target.value)}
        onKeyDown={onKeyDown}
        disabled={!open}
        aria-describedby={`${id}-hint`}
        placeholder={open ? 'Tell the agent what to do next…' : undefined}
        data-testid="session-prompt-input"
      />
      <div className="prompt-box__footer">
        <p className="field__hint" id={`${id}-hint`}>
          {open
            ? session.status === 'planning'
              ? 'Sending a prompt starts execution. Ctrl+Enter sends.'
              : 'Ctrl+Enter sends.'
            : `A ${session.status} session does not take prompts${session.status === 'paused' ? ' until it is resumed' : ''}.`}
        </p>
        <button type="submit" className="button button--primary" disabled={!canSend} data-testid="session-prompt-submit">
          {submitPrompt.isPending ? 'Sending…' : 'Send'}
        </button>
      </div>
      <WriteError error={submitPrompt.error} />
    </form>
  );
};
