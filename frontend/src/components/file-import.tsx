import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { readTextFiles, type TextFile } from '@/lib/read-files';
import { Alert } from './alert';
import { Badge } from './badge';
import { TextAreaField, TextField } from './field';
import { FormError } from './form-error';

export type ImportOutcome = {
  imported: { path: string; id: string; name: string }[];
  failed: { path: string; code?: string; detail?: string }[];
};

export type FileImportProps = {
  /** "commands", "subagents": used in labels. */
  what: string;
  /** Where such files live in a Claude Code project, e.g. `.claude/commands/deploy.md`. */
  pathPlaceholder: string;
  contentPlaceholder?: string;
  /** The import mutation: what it is sent, whether it runs, how it was refused, what it answered. */
  importer: { mutate: (files: TextFile[]) => void; isPending: boolean; error: unknown; data?: ImportOutcome };
  /** Where an imported item opens. */
  linkTo: (id: string) => string;
  /** `command-import` gives `command-import-files`, `-path`, `-content`, `-submit`, `-imported`, `-failed`. */
  testIdPrefix: string;
};

/** Import Claude Code markdown files: pick `.md` files, or paste one, then see what came in and what failed. */
export const FileImport = ({
  what,
  pathPlaceholder,
  contentPlaceholder,
  importer,
  linkTo,
  testIdPrefix,
}: FileImportProps) => {
  const { isPending: pending, error, data: outcome } = importer;
  const pickerId = useId();
  const picker = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<TextFile[]>([]);
  const [path, setPath] = useState('');
  const [content, setContent] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const pick = async (files: FileList | null) => {
    setProblem(null);
    try {
      setPicked(await readTextFiles(files ?? []));
    } catch (cause) {
      setProblem(cause instanceof Error ? cause.message : 'The files could not be read.');
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const pasted = content.trim() ? [{ path: path.trim() || pathPlaceholder, content }] : [];
    const files = [...picked, ...pasted];
    if (files.length === 0) {
      setProblem(`Pick one or more .md files or paste one to import ${what}.`);
      return;
    }
    setProblem(null);
    importer.mutate(files);
  };

  const clear = () => {
    setPicked([]);
    setPath('');
    setContent('');
    if (picker.current) picker.current.value = '';
  };

  return (
    <form className="form file-import" onSubmit={submit} noValidate aria-label={`Import ${what}`} data-testid={testIdPrefix}>
      <div className="field">
        <label className="field__label" htmlFor={pickerId}>
          Markdown files
        </label>
        <input
          ref={picker}
          id={pickerId}
          type="file"
          accept=".md,text/markdown"
          multiple
          className="input"
          onChange={(e) => void pick(e.target.files)}
          data-testid={`${testIdPrefix}-files`}
        />
        <p className="field__hint">
          {picked.length ? `${picked.length} file${picked.length === 1 ? '' : 's'} ready: ${picked.map((f) => f.path).join(', ')}` : 'Pick one or more .md files.'}
        </p>
      </div>
      <p className="muted file-import__or">or paste one file</p>
      <TextField
        label="Path"
        value={path}
        onChange={(e) => setPath(e.target.value)}
        placeholder={pathPlaceholder}
        hint="Its place in the project; the name (and namespace) come from it."
        data-testid={`${testIdPrefix}-path`}
      />
      <TextAreaField
        label="Content"
        rows={8}
        value={content}
        onChange={(e) => setContent(e.target.value)}
        placeholder={contentPlaceholder}
        spellCheck={false}
        data-testid={`${testIdPrefix}-content`}
      />
      {problem && <Alert>{problem}</Alert>}
      <FormError error={error} title="Import refused" placedFields={[]} />
      <div className="form__actions">
        <button type="button" className="button button--ghost" onClick={clear} disabled={pending}>
          Clear
        </button>
        <button type="submit" className="button button--primary" disabled={pending} data-testid={`${testIdPrefix}-submit`}>
          {pending ? 'Importing…' : `Import ${what}`}
        </button>
      </div>
      {outcome && (
        <div className="file-import__outcome" role="status">
          <p>
            <Badge tone="success">{outcome.imported.length} imported</Badge>{' '}
            <Badge tone={outcome.failed.length ? 'danger' : 'muted'}>{outcome.failed.length} failed</Badge>
          </p>
          {outcome.imported.length > 0 && (
            <ul className="item-list" data-testid={`${testIdPrefix}-imported`}>
              {outcome.imported.map((item) => (
                <li key={`${item.path}-${item.id}`} className="item-list__item">
                  <span className="item-list__main">
                    <Link to={linkTo(item.id)} className="item-list__title">
                      {item.name}
                    </Link>
                    <code className="item-list__meta muted">{item.path}</code>
                  </span>
                </li>
              ))}
            </ul>
          )}
          {outcome.failed.length > 0 && (
            <ul className="item-list" data-testid={`${testIdPrefix}-failed`}>
              {outcome.failed.map((item) => (
                <li key={item.path} className="item-list__item">
                  <span className="item-list__main">
                    <code className="item-list__title">{item.path}</code>
                    <span className="item-list__meta field__error">
                      {item.code && <code>{item.code}</code>} {item.detail}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
};
