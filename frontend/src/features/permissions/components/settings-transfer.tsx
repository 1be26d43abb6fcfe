import { useState } from 'react';
import { Badge } from '@/components/badge';
import { importCount, SettingsJsonTransfer } from '@/components/settings-json-transfer';
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

const Counts = ({ counts }: { counts: ImportCounts }) => (
  <p role="status" data-testid="permissions-import-result">
    <Badge tone="success">{importCount(counts.added)} added</Badge> <Badge tone="muted">{importCount(counts.skipped)} skipped</Badge>
    {Array.isArray(counts.skipped) && counts.skipped.length > 0 && (
      <span className="muted"> (already there or not valid: {counts.skipped.map(String).join(', ')})</span>
    )}
  </p>
);

/** Claude Code's settings.json in (its permissions become rules of one scope) and out. */
export const SettingsTransfer = ({ canWriteGlobal }: { canWriteGlobal: boolean }) => {
  const [target, setTarget] = useState<ScopeTarget>({ scope: 'user' });
  const importSettings = useImportPermissionSettings();
  const exportSettings = useExportPermissionSettings();

  return (
    <SettingsJsonTransfer
      block="permissions"
      testIdPrefix="permissions"
      ariaLabel="Import or export settings.json"
      rows={8}
      sample={SAMPLE}
      hint="Its permissions.allow, ask and deny lists become rules of the scope above; rules already there are skipped."
      before={
        <div className="form__row">
          <ScopeTargetFields value={target} onChange={setTarget} canWriteGlobal={canWriteGlobal} testIdPrefix="permissions-transfer" />
        </div>
      }
      check={() => targetProblem(target)}
      onImport={(settings) => importSettings.mutate({ settings, ...target })}
      importing={importSettings}
      result={importSettings.data && <Counts counts={importSettings.data} />}
      onExport={(setProblem) => {
        const missing = targetProblem(target);
        setProblem(missing);
        if (!missing) exportSettings.mutate(target);
      }}
      exporting={exportSettings}
    />
  );
};
