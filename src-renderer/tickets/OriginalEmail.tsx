// "Show original email" on an email ticket: nothing is asked until the specialist opens it (headers are rarely
// needed and never cached); then one block per inbound mail on the ticket — the original, then each reply — with
// the headers people look for first and the full header list as monospace text to scroll, select or copy.
import { useId, useState } from 'react';
import type { InboundMailDetail } from '../../src-shared/inbound-mail';
import { useController } from '../app/controller-context';
import { formatDateTime } from '../format/time';
import { headerText, keyHeaders, mailTitle, sizeText } from './ticket-mail';

type Loaded = { kind: 'idle' } | { kind: 'loading' } | { kind: 'loaded'; mails: InboundMailDetail[] } | { kind: 'failed'; message: string };

export function OriginalEmail(props: { ticketId: number }) {
  const controller = useController();
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'idle' });
  const panelId = useId();

  async function toggle() {
    const next = !open;
    setOpen(next);
    // Asked afresh on every opening: a reply may have come in since, and nothing of it is kept offline.
    if (!next) return;
    setLoaded({ kind: 'loading' });
    const r = await controller.ticketMail(props.ticketId);
    setLoaded(r.ok ? { kind: 'loaded', mails: r.value } : { kind: 'failed', message: r.error.message });
  }

  return (
    <section className="original-email" aria-label="Original email">
      <button type="button" className="disclosure-button" aria-expanded={open} aria-controls={panelId} onClick={() => void toggle()}>
        <span className="disclosure-arrow" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        {open ? 'Hide original email' : 'Show original email'}
      </button>
      {open && (
        <div id={panelId} className="original-email-body" aria-busy={loaded.kind === 'loading'}>
          {loaded.kind === 'loading' && <p className="muted">Loading the email…</p>}
          {loaded.kind === 'failed' && (
            <p className="form-error" role="alert">
              {loaded.message}
            </p>
          )}
          {loaded.kind === 'loaded' && loaded.mails.length === 0 && <p className="muted">No received email is on this ticket.</p>}
          {loaded.kind === 'loaded' && loaded.mails.map((mail, i) => <MailBlock key={mail.id} mail={mail} title={mailTitle(i)} />)}
        </div>
      )}
    </section>
  );
}

/** One received mail: its key headers, then every header line. */
export function MailBlock(props: { mail: InboundMailDetail; title: string }) {
  const { mail, title } = props;
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const text = headerText(mail.headers);
  const headingId = useId();

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      // Clipboard access refused (no permission, not a secure page): the text is still selectable.
      setCopied('no');
    }
  }

  return (
    <article className="mail-block" aria-labelledby={headingId} data-testid="mail-block">
      <div className="mail-block-head">
        <h3 id={headingId}>{title}</h3>
        <span className="muted">
          received {formatDateTime(mail.receivedAt)} · {sizeText(mail.size)}
        </span>
      </div>
      <dl className="facts mail-key-headers">
        {keyHeaders(mail.headers).map((h) => (
          <div key={h.name} className="mail-key-header">
            <dt>{h.name}</dt>
            <dd>{h.value}</dd>
          </div>
        ))}
      </dl>
      <div className="mail-headers-head">
        <span className="muted">All headers ({mail.headers.length})</span>
        <button type="button" className="button button-small" onClick={() => void copy()}>
          Copy headers
        </button>
        <span role="status" className="muted">
          {copied === 'yes' ? 'Copied.' : copied === 'no' ? 'Could not copy — select the text instead.' : ''}
        </span>
      </div>
      {/* Focusable so the keyboard can scroll it; the text is selectable as it is. */}
      <pre className="mail-headers" tabIndex={0} aria-label={`All headers of the ${title.toLowerCase()}`} data-testid="mail-headers">
        {text}
      </pre>
    </article>
  );
}
