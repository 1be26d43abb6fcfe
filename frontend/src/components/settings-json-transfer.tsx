import { useState, type FormEvent, type ReactNode } from 'react';
import { errorMessage } from '@/lib/api-client';
import { BusyButton } from './busy-button';
import { TextAreaField } from './field';
import { FormError } from './form-error';

/** An import result's count: some endpoints answer a number, others the list itself. */
export const importCount = (value: number | unknown[]) => (Array.isArray(value) ? value.length : value);

export type SettingsJsonTransferProps = {
  /** The settings.json block that is imported ("hooks", "permissions"): named when the paste is not an object. */
  block: string;
  /** `hooks` gives `hooks-transfer`, `hooks-import-json`, `hooks-export` and `hooks-import`. */
  testIdPrefix: string;
  ariaLabel: string;
  rows: number;
  sample: string;
  hint?: ReactNode;
  /** Fields above the JSON (where the import goes, say). */
  before?: ReactNode;
  /** Checked after the JSON parses; a sentence when the import may not be sent yet. */
  check?: () => string | undefined;
  onImport: (settings: Record<string, unknown>) => void;
  importing: { isPending: boolean; error: unknown };
  /** What the last import did. */
  result?: ReactNode;
  onExport: (setProblem: (problem: string | undefined) => void) => void;
  exporting: { isPending: boolean; isError: boolean; error: unknown };
};

/** Claude Code's settings.json, pasted in to import a block of it, or exported as a download. */
export const SettingsJsonTransfer = ({
  block,
  testIdPrefix,
  ariaLabel,
  rows,
  sample,
  hint,
  before,
  check,
  onImport,
  importing,
  result,
  onExport,
  exporting,
}: SettingsJsonTransferProps) => {
  const [json, setJson] = useState('');
  const [problem, setProblem] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let settings: unknown;
    try {
      settings = JSON.parse(json);
    } catch (error) {
      setProblem(`Not valid JSON: ${error instanceof Error ? error.message : 'parse error'}`);
      return;
    }
    if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
      setProblem(`Paste the whole settings.json object, with its "${block}" block.`);
      return;
    }
    const missing = check?.();
    if (missing) {
      setProblem(missing);
      return;
    }
    setProblem(undefined);
    onImport(settings as Record<string, unknown>);
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={ariaLabel} data-testid={`${testIdPrefix}-transfer`}>
      {before}
      <TextAreaField
        label="settings.json"
        rows={rows}
        value={json}
        onChange={(e) => {
          setJson(e.target.value);
          setProblem(undefined);
        }}
        error={problem}
        placeholder={sample}
        spellCheck={false}
        hint={hint}
        data-testid={`${testIdPrefix}-import-json`}
      />
      <FormError error={importing.error} title="Not imported" placedFields={[]} />
      {result}
      {exporting.isError && (
        <p role="alert" className="field__error">
          Export failed: {errorMessage(exporting.error)}
        </p>
      )}
      <div className="form__actions">
        <BusyButton
          busy={exporting.isPending}
          busyLabel="Exporting…"
          onClick={() => onExport(setProblem)}
          data-testid={`${testIdPrefix}-export`}
        >
          Export settings.json
        </BusyButton>
        <button type="submit" className="button button--primary" disabled={importing.isPending} data-testid={`${testIdPrefix}-import`}>
          {importing.isPending ? 'Importing…' : 'Import'}
        </button>
      </div>
    </form>
  );
};
