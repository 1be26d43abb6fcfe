import { Badge } from '@/components/badge';
import { importCount, SettingsJsonTransfer } from '@/components/settings-json-transfer';
import { useExportHookSettings } from '../api/export-hook-settings';
import { useImportHookSettings } from '../api/import-hook-settings';

const SAMPLE = `{
  "hooks": {
    "PreToolUse": [
      { "matcher": "Bash", "hooks": [{ "type": "command", "command": "./scripts/check.sh", "timeout": 30 }] }
    ]
  }
}`;

/** The hooks block of Claude Code's settings.json, in and out. */
export const HookSettingsTransfer = () => {
  const importSettings = useImportHookSettings();
  const exportSettings = useExportHookSettings();

  return (
    <SettingsJsonTransfer
      block="hooks"
      testIdPrefix="hooks"
      ariaLabel="Import or export hooks"
      rows={7}
      sample={SAMPLE}
      onImport={(settings) => importSettings.mutate({ settings })}
      importing={importSettings}
      result={
        importSettings.data && (
          <p role="status" data-testid="hooks-import-result">
            <Badge tone="success">{importCount(importSettings.data.imported)} imported</Badge>{' '}
            <Badge tone="muted">{importCount(importSettings.data.skipped)} skipped</Badge>
          </p>
        )
      }
      onExport={() => exportSettings.mutate()}
      exporting={exportSettings}
    />
  );
};
