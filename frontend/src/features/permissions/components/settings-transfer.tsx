import { useState, type FormEvent } from 'react';
import { Badge } from '@/components/badge';
import { BusyButton } from '@/components/busy-button';
import { FormError } from '@/components/form-error';
import { TextAreaField } from '@/components/field';
import { errorMessage } from '@/lib/api-client';
import { useExportPermissionSettings } from '../api/export-permission-settings';
import { useImportPermissionSettings } from '../api/import-permission-settings';
import { targetProblem, type ImportCounts, type ScopeTarget } from '../types';
import { ScopeTargetFields } from './scope-target-fields';

const SAMPLE = `{
  "permissions": {
    "allow": ["Bash(npm run test:*)", "Read"],
    "ask": ["Bash(git push:*)"],
    "deny": ["Read(./.env)"]
  }
}`;

const count = (value: number | unknown[]) => (Array.isArray(value) ? value.length : value);

const Counts = ({ counts }: { counts: ImportCounts }) => (
  <p role="status" data-testid="permissions-import-result">
    <Badge tone="success">{count(counts.added)} added</Badge> <Badge tone="muted">{count(counts.skipped)} skipped</Badge>
    {Array.isArray(counts.skipped) && counts.skipped.length > 0 && (
      <span className="muted"> (already there or not valid: {counts.skipped.map(String).join(', ')})</span>
    )}
  </p>
);

/** Claude Code's settings.json in (its permissions become rules of one scope) and out. */
export const SettingsTransfer = ({ canWriteGlobal }: { canWriteGlobal: boolean }) => {
  const [target, setTarget] = useState<ScopeTarget>({ scope: 'user' });
  const [json, setJson] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const importSettings = useImportPermissionSettings();
  const exportSettings = useExportPermissionSettings();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = targetProblem(target);
    let settings: unknown;
    try {
      settings = JSON.parse(json);
    } catch (error) {
      setProblem(`Not valid JSON: ${error instanceof Error ? error.message : 'parse error'}`);
      return;
    }
    if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
      setProblem('Paste the whole settings.json object, with its "permissions" block.');
      return;
    }
    if (missing) {
      setProblem(missing);
      return;
    }
    setProblem(undefined);
    importSettings.mutate({ settings: settings as Record<string, unknown>, ...target });
  };

  const exportNow = () => {
    const missing = targetProblem(target);
    setProblem(missing);
    if (!missing) exportSettings.mutate(target);
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Import or export settings.json" data-testid="permissions-transfer">
      <div className="form__row">
        <ScopeTargetFields value={target} onChange={setTarget} canWriteGlobal={canWriteGlobal} testIdPrefix="permissions-transfer" />
      </div>
      <TextAreaField
        label="settings.json"
        rows={8}
        value={json}
        onChange={(e) => {
          setJson(e.target.value);
          setProblem(undefined);
        }}
        error={problem}
        placeholder={SAMPLE}
        spellCheck={false}
        hint="Its permissions.allow, ask and deny lists become rules of the scope above; rules already there are skipped."
        data-testid="permissions-import-json"
      />
      <FormError error={importSettings.error} title="Not imported" placedFields={[]} />
      {importSettings.data && <Counts counts={importSettings.data} />}
      {exportSettings.isError && (
        <p role="alert" className="field__error">
          Export failed: {errorMessage(exportSettings.error)}
        </p>
      )}
      <div className="form__actions">
        <BusyButton
          busy={exportSettings.isPending}
          busyLabel="Exporting…"
          onClick={exportNow}
          data-testid="permissions-export"
        >
          Export settings.json
        </BusyButton>
        <button type="submit" className="button button--primary" disabled={importSettings.isPending} data-testid="permissions-import">
          {importSettings.isPending ? 'Importing…' : 'Import'}
        </button>
      </div>
    </form>
  );
};
