import { useState } from 'react';
import { ActionError } from '@/components/action-error';
import { Badge } from '@/components/badge';
import { DangerButton } from '@/components/danger-button';
import { DataTable } from '@/components/data-table';
import { Paged, type PagedLabels } from '@/components/paged';
import { RelativeTime } from '@/components/relative-time';
import { useTokens } from '../api/list-tokens';
import { useRevokeToken } from '../api/revoke-token';
import type { ApiToken, CreatedToken } from '../types';
import { TokenCreateForm } from './token-create-form';
import { TokenSecretDialog } from './token-secret-dialog';

const LIST_LABELS: PagedLabels = { loading: 'Loading tokens…', failed: 'Could not load tokens', counted: ['token', 'tokens'] };

const TokenRow = ({ token }: { token: ApiToken }) => {
  const revoke = useRevokeToken();
  return (
    <tr data-testid="token-item" data-token-id={token.id}>
      <th scope="row">{token.name}</th>
      <td>
        <code>{token.prefix}…</code>
      </td>
      <td>
        <span className="badges">
          {token.scopes.map((scope) => (
            <Badge key={scope} tone={scope === 'admin' ? 'warning' : scope === 'write' ? 'info' : 'neutral'}>
              {scope}
            </Badge>
          ))}
        </span>
      </td>
      <td>
        <RelativeTime value={token.createdAt} />
      </td>
      <td>{token.expiresAt ? <RelativeTime value={token.expiresAt} /> : <span className="muted">never</span>}</td>
      <td>{token.lastUsedAt ? <RelativeTime value={token.lastUsedAt} /> : <span className="muted">never</span>}</td>
      <td className="table__actions">
        <DangerButton
          busy={revoke.isPending}
          busyLabel="Revoking…"
          confirm={`Revoke the token “${token.name}”? Whatever uses it stops working at once.`}
          onConfirm={() => revoke.mutate({ id: token.id })}
          data-testid="token-revoke"
        >
          Revoke
        </DangerButton>
        <ActionError error={revoke.error} />
      </td>
    </tr>
  );
};

export type ApiTokensSectionProps = { canGrantAdmin: boolean };

/** Settings › API tokens: for scripts, CI and the CLI. */
export const ApiTokensSection = ({ canGrantAdmin }: ApiTokensSectionProps) => {
  const [page, setPage] = useState(0);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const tokens = useTokens(page);

  return (
    <div className="settings-section">
      <p className="muted">
        Tokens let scripts and CI call the API as you: send <code>Authorization: Bearer owz_…</code>. A token can do at
        most what its scopes allow.
      </p>
      <TokenCreateForm canGrantAdmin={canGrantAdmin} onCreated={setCreated} />
      <Paged query={tokens} {...LIST_LABELS} onPageChange={setPage}>
        {(data) => (
          <DataTable
            testId="token-list"
            caption="Your API tokens"
            columns={['Name', 'Prefix', 'Scopes', 'Created', 'Expires', 'Last used', { label: 'Actions', hidden: true }]}
            rows={data.items}
            empty="No tokens yet."
            busy={tokens.isFetching}
          >
            {(token) => <TokenRow key={token.id} token={token} />}
          </DataTable>
        )}
      </Paged>
      {created && <TokenSecretDialog token={created} onClose={() => setCreated(null)} />}
    </div>
  );
};
