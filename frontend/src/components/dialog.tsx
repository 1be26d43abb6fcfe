import { useEffect, useRef, type ReactNode } from 'react';

export type DialogProps = {
  title: ReactNode;
  children: ReactNode;
  /** Escape calls it too. */
  onClose: () => void;
  actions?: ReactNode;
  testId?: string;
  labelledBy: string;
};

/** A modal over the page: focus moves into it, Escape closes it, focus goes back where it was. */
export const Dialog = ({ title, children, onClose, actions, testId, labelledBy }: DialogProps) => {
  const panel = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const focusable = panel.current?.querySelector<HTMLElement>('[data-autofocus], button, [href], input');
    (focusable ?? panel.current)?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onCloseRef.current();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      previous?.focus?.();
    };
  }, []);

  return (
    <div className="dialog-backdrop">
      <div
        ref={panel}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        tabIndex={-1}
        data-testid={testId}
      >
        <h2 className="dialog__title" id={labelledBy}>
          {title}
        </h2>
        <div className="dialog__body">{children}</div>
        {actions && <div className="dialog__actions">{actions}</div>}
      </div>
    </div>
  );
};
