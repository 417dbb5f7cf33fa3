// A modal dialog (labelled, focus moved inside on open and restored on close, Escape closes) and its form buttons.
import { useEffect, useRef, type ReactNode } from 'react';

export function Dialog(props: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('input, textarea, select, button:not(.dialog-close), [tabindex="0"]');
    first?.focus();
    return () => previous?.focus();
  }, []);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && props.onClose()}>
      <div
        ref={ref}
        className={props.wide ? 'dialog dialog-wide' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            props.onClose();
          }
        }}
      >
        <header className="dialog-header">
          <h2>{props.title}</h2>
          <button type="button" className="icon-button dialog-close" aria-label="Close" onClick={props.onClose}>
            ×
          </button>
        </header>
        <div className="dialog-body">{props.children}</div>
      </div>
    </div>
  );
}

/** The buttons under a dialog's form: Cancel, and the submit button named for what it does. */
export function FormActions(props: { submitLabel: string; onCancel: () => void }) {
  return (
    <div className="dialog-actions">
      <button type="button" className="button" onClick={props.onCancel}>
        Cancel
      </button>
      <button type="submit" className="button button-primary">
        {props.submitLabel}
      </button>
    </div>
  );
}
