import { useState } from 'react';
import { ActionError } from '@/components/action-error';
import { Alert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { DangerButton } from '@/components/danger-button';
import { Pagination } from '@/components/pagination';
import { RelativeTime } from '@/components/relative-time';
import { Spinner } from '@/components/spinner';
import { errorMessage } from '@/lib/api-client';
import { useTokens } from '../api/list-tokens';
import { useRevokeToken } from '../api/revoke-token';
import type { ApiToken, CreatedToken } from '../types';
import { TokenCreateForm } from './token-create-form';
import { TokenSecretDialog } from './token-secret-dialog';

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
  const data = tokens.data;

  return (
    <div className="settings-section">
      <p className="muted">
        Tokens let scripts and CI call the API as you: send <code>Authorization: Bearer owz_…</code>. A token can do at
        most what its scopes allow.
      </p>
      <TokenCreateForm canGrantAdmin={canGrantAdmin} onCreated={setCreated} />
      {tokens.isPending ? (
        <Spinner label="Loading tokens…" />
      ) : tokens.isError && !data ? (
        <Alert title="Could not load tokens">{errorMessage(tokens.error)}</Alert>
      ) : (
        data && (
          <>
            <div className="table-wrap">
              <table className="table" data-testid="token-list" aria-busy={tokens.isFetching}>
                <caption className="visually-hidden">Your API tokens</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Prefix</th>
                    <th scope="col">Scopes</th>
                    <th scope="col">Created</th>
                    <th scope="col">Expires</th>
                    <th scope="col">Last used</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.length === 0 ? (
                    <tr>
                      <td colSpan={7} className="table__empty">
                        No tokens yet.
                      </td>
                    </tr>
                  ) : (
                    data.items.map((token) => <TokenRow key={token.id} token={token} />)
                  )}
                </tbody>
              </table>
            </div>
            {data.totalPages > 1 && (
              <Pagination
                page={data.page}
                totalPages={data.totalPages}
                totalItems={data.totalItems}
                itemLabel={data.totalItems === 1 ? 'token' : 'tokens'}
                onPageChange={setPage}
              />
            )}
          </>
        )
      )}
      {created && <TokenSecretDialog token={created} onClose={() => setCreated(null)} />}
    </div>
  );
};
