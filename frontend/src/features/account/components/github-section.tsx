import { useSearchParams } from 'react-router';
import { Alert } from '@/components/alert';
import { BusyButton } from '@/components/busy-button';
import { Spinner } from '@/components/spinner';
import { errorMessage } from '@/lib/api-client';
import { GITHUB_CONNECT_URL, useGithubLink } from '../api/get-github-link';
import { useUnlinkGithub } from '../api/unlink-github';

/** `?github=linked|failed`, set by the node when GitHub sends the browser back. */
const GithubNotice = () => {
  const [searchParams, setSearchParams] = useSearchParams();
  const outcome = searchParams.get('github');
  if (outcome !== 'linked' && outcome !== 'failed') return null;
  const dismiss = () =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('github');
        return next;
      },
      { replace: true },
    );
  return (
    <Alert
      tone={outcome === 'linked' ? 'info' : 'error'}
      title={outcome === 'linked' ? 'GitHub connected' : 'GitHub was not connected'}
      testId="github-notice"
    >
      <p>
        {outcome === 'linked'
          ? 'Your GitHub account is now linked to OrchWiz.'
          : 'GitHub did not confirm the link (it was cancelled, or that GitHub account is linked to someone else). Try again.'}
      </p>
      <p>
        <button type="button" className="button button--ghost" onClick={dismiss}>
          Dismiss
        </button>
      </p>
    </Alert>
  );
};

/** Settings › GitHub: connect (a browser navigation through GitHub's OAuth) or disconnect. */
export const GithubSection = () => {
  const github = useGithubLink();
  const unlink = useUnlinkGithub();

  return (
    <div className="settings-section" data-testid="github-section">
      <GithubNotice />
      {github.isPending ? (
        <Spinner label="Loading GitHub link…" />
      ) : github.isError ? (
        <Alert title="Could not load the GitHub link">{errorMessage(github.error)}</Alert>
      ) : !github.data.configured ? (
        <p className="muted" data-testid="github-not-configured">
          GitHub is not configured on this node. An admin can register a GitHub OAuth app and give the node its client id
          and secret; then you can connect your account here.
        </p>
      ) : github.data.linked ? (
        <div className="control__row">
          <span data-testid="github-linked">
            Connected as <strong>@{github.data.login}</strong>
          </span>
          <BusyButton
            busy={unlink.isPending}
            busyLabel="Disconnecting…"
            className="button button--danger-ghost"
            onClick={() => unlink.mutate()}
            data-testid="github-disconnect"
          >
            Disconnect
          </BusyButton>
        </div>
      ) : (
        <div className="control__row">
          <span className="muted">Link your GitHub account so OrchWiz can tell which pull requests are yours.</span>
          {/* A plain link: the browser leaves the app for GitHub and comes back to /settings. */}
          <a className="button" href={GITHUB_CONNECT_URL} data-testid="github-connect">
            Connect GitHub
          </a>
        </div>
      )}
      {unlink.isError && <Alert>{errorMessage(unlink.error)}</Alert>}
    </div>
  );
};
