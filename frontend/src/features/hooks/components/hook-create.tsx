import { useState } from 'react';
import type { HookWriteResult } from '../types';
import { HookForm } from './hook-form';
import { HookSecretDialog } from './hook-secret-dialog';

/** Creates a hook; a webhook's secret is shown once before the hook's page opens. */
export const HookCreate = ({ onDone }: { onDone: (id: string) => void }) => {
  const [created, setCreated] = useState<{ result: HookWriteResult; name: string } | null>(null);
  return (
    <>
      <HookForm
        mode="create"
        onCreated={(result, name) => {
          if (result.secret) setCreated({ result, name });
          else onDone(result.id);
        }}
      />
      {created?.result.secret && (
        <HookSecretDialog
          hookName={created.name}
          secret={created.result.secret}
          onClose={() => {
            const id = created.result.id;
            setCreated(null);
            onDone(id);
          }}
        />
      )}
    </>
  );
};
