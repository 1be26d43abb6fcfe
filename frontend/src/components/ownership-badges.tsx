import { Badge } from './badge';

export type OwnershipBadgesProps = { mine: boolean; shared: boolean; description?: string | null };

/** Whose an item is (mine or read only), whether it is shared, and its one-line description. */
export const OwnershipBadges = ({ mine, shared, description }: OwnershipBadgesProps) => (
  <p className="badges">
    {mine ? <Badge tone="muted">mine</Badge> : <Badge tone="muted">read only</Badge>}
    {shared && <Badge tone="info">shared</Badge>}
    {description && <span className="muted">{description}</span>}
  </p>
);
