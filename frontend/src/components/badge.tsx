import type { HTMLAttributes } from 'react';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'accent' | 'muted';

export type BadgeProps = HTMLAttributes<HTMLSpanElement> & { tone?: BadgeTone };

export const Badge = ({ tone = 'neutral', className, ...rest }: BadgeProps) => (
  <span className={['badge', `badge--${tone}`, className].filter(Boolean).join(' ')} {...rest} />
);
