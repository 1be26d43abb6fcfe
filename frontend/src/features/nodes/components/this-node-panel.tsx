import { Alert } from '@/components/alert';
import { DangerButton } from '@/components/danger-button';
import { Fact } from '@/components/fact';
import { RelativeTime } from '@/components/relative-time';
import { errorMessage } from '@/lib/api-client';
import { useThisNode } from '../api/get-this-node';
import { useRotateNodeKey } from '../api/rotate-node-key';
import type { NodeKey } from '../types';

const uptimeText = (seconds: number): string => {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`;
};

const KeyItem = ({ nodeKey }: { nodeKey: NodeKey }) => (
  <li className="item-list__item" data-testid="node-key">
    <div className="item-list__main">
      <span className="item-list__title">
        <code>{nodeKey.keyId}</code> · {nodeKey.status}
      </span>
      <span className="item-list__meta muted">
        made <RelativeTime value={nodeKey.createdAt} />
        {nodeKey.status === 'retiring' && nodeKey.validUntil && (
          <>
            {' '}
            · verifies until <RelativeTime value={nodeKey.validUntil} />
          </>
        )}
        {nodeKey.revokedAt && (
          <>
            {' '}
            · revoked <RelativeTime value={nodeKey.revokedAt} />
          </>
        )}
      </span>
    </div>
  </li>
);

/** What a peer needs to trust this node (its id and public key), and, for admins, key rotation. */
export const ThisNodePanel = ({ canRotate }: { canRotate: boolean }) => {
  const node = useThisNode();
  const rotate = useRotateNodeKey();
  if (node.isPending) return <p className="muted">Loading this node…</p>;
  if (node.isError) return <Alert>{errorMessage(node.error)}</Alert>;
  const self = node.data;
  return (
    <div className="settings-section" data-testid="this-node">
      <dl className="facts">
        <Fact label="Node id" testId="node-id">
          <code>{self.id ?? 'not made yet'}</code>
        </Fact>
        <Fact label="Name">{self.name}</Fact>
        <Fact label="Type" testId="node-type">
          {self.type}
        </Fact>
        <Fact label="Public key" testId="node-public-key">
          <code>{self.publicKey ?? '–'}</code> {self.keyId && <span className="muted">({self.keyId})</span>}
        </Fact>
        <Fact label="Version">{self.version}</Fact>
        <Fact label="Up for">{uptimeText(self.uptime)}</Fact>
        <Fact label="Event store position">{self.position}</Fact>
      </dl>
      <ul className="item-list" data-testid="node-keys">
        {self.keys.map((nodeKey) => (
          <KeyItem key={nodeKey.keyId} nodeKey={nodeKey} />
        ))}
      </ul>
      {self.processors && self.processors.length > 0 && (
        <table className="table" data-testid="node-processors">
          <caption>Event processors against the event store's head</caption>
          <thead>
            <tr>
              <th scope="col">Processor</th>
              <th scope="col" className="table__num">
                Position
              </th>
              <th scope="col" className="table__num">
                Behind by
              </th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {self.processors.map((processor) => (
              <tr key={processor.name} data-testid="node-processor">
                <th scope="row">{processor.name}</th>
                <td className="table__num">{processor.position ?? '–'}</td>
                <td className="table__num" data-testid="node-processor-lag">
                  {processor.lag ?? 'unknown'}
                </td>
                <td>{!processor.running ? 'stopped' : processor.replaying ? 'replaying' : 'running'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canRotate && (
        <DangerButton
          confirm="Make a new signing key? Peers must pin the new public key; the current one keeps verifying for the grace period."
          busy={rotate.isPending}
          busyLabel="Rotating…"
          onConfirm={() => rotate.mutate()}
          data-testid="rotate-key"
        >
          Rotate key
        </DangerButton>
      )}
      {rotate.isError && <Alert>{errorMessage(rotate.error)}</Alert>}
    </div>
  );
};
