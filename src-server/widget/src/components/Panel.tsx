// The white support panel: header with the window's title (CONTACT US, LET'S CHAT…), optional close, and body.
import type { ReactNode } from 'react';

interface PanelProps {
  title: string;
  subtitle?: ReactNode;
  onClose?: () => void;
  banner?: ReactNode;
  children: ReactNode;
}

export function Panel({ title, subtitle, onClose, banner, children }: PanelProps) {
  return (
    <section className="sb-panel" aria-labelledby="sb-title">
      <header className="sb-header">
        <div className="sb-header-text">
          <h1 id="sb-title" className="sb-title">
            {title}
          </h1>
          {subtitle ? <div className="sb-subtitle">{subtitle}</div> : null}
        </div>
        {onClose ? (
          <button type="button" className="sb-close" onClick={onClose} aria-label="Close support window">
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
              <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
          </button>
        ) : null}
      </header>
      {banner}
      <div className="sb-body">{children}</div>
    </section>
  );
}
