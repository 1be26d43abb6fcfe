import { BusyButton, type BusyButtonProps } from './busy-button';

export type DangerButtonProps = Omit<BusyButtonProps, 'onClick' | 'className'> & {
  /** The question asked first (delete, revoke, evict cannot be undone); without one the click acts at once. */
  confirm?: string;
  onConfirm: () => void;
};

/** A button that removes or stops something: marked as dangerous, busy while its request runs, and asks first. */
export const DangerButton = ({ confirm, onConfirm, ...button }: DangerButtonProps) => (
  <BusyButton
    className="button button--danger-ghost"
    onClick={() => {
      if (confirm === undefined || window.confirm(confirm)) onConfirm();
    }}
    {...button}
  />
);
