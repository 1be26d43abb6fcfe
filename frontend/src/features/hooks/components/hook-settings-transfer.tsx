import { useState, type FormEvent } from 'react';
import { Badge } from '@/components/badge';
import { BusyButton } from '@/components/busy-button';
import { FormError } from '@/components/form-error';
import { TextAreaField } from '@/components/field';
import { errorMessage } from '@/lib/api-client';
import { useExportHookSettings } from '../api/export-hook-settings';
import { useImportHookSettings } from '../api/import-hook-settings';

const SAMPLE = `{
  "hooks": {
    "PreToolUse": [
      { "matcher": "Bash", "hooks": [{ "type": "command", "command": "./scripts/check.sh", "timeout": 30 }] }
    ]
  }
}`;

const count = (value: number | unknown[]) => (Array.isArray(value) ? value.length : value);

/** The hooks block of Claude Code's settings.json, in and out. */
export const HookSettingsTransfer = () => {
  const [json, setJson] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const importSettings = useImportHookSettings();
  const exportSettings = useExportHookSettings();

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
      setProblem('Paste the whole settings.json object, with its "hooks" block.');
      return;
    }
    setProblem(undefined);
    importSettings.mutate({ settings: settings as Record<string, unknown> });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Import or export hooks" data-testid="hooks-transfer">
      <TextAreaField
        label="settings.json"
        rows={7}
        value={json}
        onChange={(e) => {
          setJson(e.target.value);
          setProblem(undefined);
        }}
        error={problem}
        placeholder={SAMPLE}
        spellCheck={false}
        data-testid="hooks-import-json"
      />
      <FormError error={importSettings.error} title="Not imported" placedFields={[]} />
      {importSettings.data && (
        <p role="status" data-testid="hooks-import-result">
          <Badge tone="success">{count(importSettings.data.imported)} imported</Badge>{' '}
          <Badge tone="muted">{count(importSettings.data.skipped)} skipped</Badge>
        </p>
      )}
      {exportSettings.isError && (
        <p role="alert" className="field__error">
          Export failed: {errorMessage(exportSettings.error)}
        </p>
      )}
      <div className="form__actions">
        <BusyButton
          busy={exportSettings.isPending}
          busyLabel="Exporting…"
          onClick={() => exportSettings.mutate()}
          data-testid="hooks-export"
        >
          Export settings.json
        </BusyButton>
        <button type="submit" className="button button--primary" disabled={importSettings.isPending} data-testid="hooks-import">
          {importSettings.isPending ? 'Importing…' : 'Import'}
        </button>
      </div>
    </form>
  );
};
