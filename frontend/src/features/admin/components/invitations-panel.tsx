import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/alert';
import { DangerButton } from '@/components/danger-button';
import { TextField } from '@/components/field';
import { PagedItemList, type PagedItemLabels } from '@/components/paged';
import { RelativeTime } from '@/components/relative-time';
import { RowError } from '@/components/row-error';
import { SubmitRow } from '@/components/submit-row';
import { errorMessage, isApiError } from '@/lib/api-client';
import { useDeleteInvitation } from '../api/delete-invitation';
import { useInvitations } from '../api/list-invitations';
import { useInviteUser } from '../api/invite-user';
import type { Invitation } from '../types';

const LIST_LABELS: PagedItemLabels = { loading: 'Loading invitations…', failed: 'Could not load invitations', counted: ['invitation', 'invitations'], empty: 'No open invitations.' };

const InvitationItem = ({ invitation }: { invitation: Invitation }) => {
  const remove = useDeleteInvitation();
  return (
    <li className="item-list__item" data-testid="invitation-item">
      <div className="item-list__main">
        <span className="item-list__title">{invitation.email}</span>
        <span className="item-list__meta muted">
          invited <RelativeTime value={invitation.invitedAt} />
          {invitation.invitedBy ? ` by ${invitation.invitedBy}` : ''}
        </span>
      </div>
      <DangerButton busy={remove.isPending} busyLabel="Removing…" onConfirm={() => remove.mutate({ email: invitation.email })} data-testid="invitation-remove">
        Remove
      </DangerButton>
      <RowError error={remove.error} />
    </li>
  );
};

/** Addresses allowed to join while sign-up is by invitation. */
export const InvitationsPanel = () => {
  const [email, setEmail] = useState('');
  const [missing, setMissing] = useState(false);
  const [page, setPage] = useState(0);
  const invitations = useInvitations(page);
  const invite = useInviteUser();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim()) {
      setMissing(true);
      return;
    }
    invite.mutate({ email }, { onSuccess: () => setEmail('') });
  };

  const fieldError = missing
    ? 'Enter the address to invite.'
    : isApiError(invite.error)
      ? invite.error.fieldErrors.email
      : undefined;

  return (
    <div className="settings-section">
      <p className="muted">
        An invited address may create its account by asking for an email link on the sign-in page. Inviting sends no
        mail: tell them yourself.
      </p>
      <form className="form invite-form" onSubmit={submit} noValidate aria-label="Invite someone">
        <TextField
          label="Email to invite"
          type="email"
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
            setMissing(false);
          }}
          error={fieldError}
          placeholder="colleague@example.com"
          data-testid="invite-email"
        />
        {invite.isError && !fieldError && <Alert>{errorMessage(invite.error)}</Alert>}
        {invite.isSuccess && (
          <p role="status" className="muted" data-testid="invite-sent">
            {invite.data?.email ?? invite.variables.email.trim()} is invited.
          </p>
        )}
        <SubmitRow busy={invite.isPending} busyLabel="Inviting…" data-testid="invite-submit">
          Invite
        </SubmitRow>
      </form>
      <PagedItemList query={invitations} {...LIST_LABELS} onPageChange={setPage} data-testid="invitation-list">
        {(invitation) => <InvitationItem key={invitation.email} invitation={invitation} />}
      </PagedItemList>
    </div>
  );
};
