// The comment box under a ticket's history: a public reply by default (what help-desk users expect, and the
// requester sees it on their comment page); "Internal note" is an explicit switch that tints the box and renames
// the button, so a note meant for colleagues is never sent as a reply by accident, nor the other way round.
import { useState } from 'react';
import { useController } from '../app/controller-context';
import './tickets.css';

export function CommentForm(props: { ticketId: number }) {
  const controller = useController();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  return (
    <form
      className={`comment-form${internal ? ' comment-form-internal' : ''}`}
      aria-label={internal ? 'Add an internal note' : 'Reply to the requester'}
      data-testid="comment-form"
      data-mode={internal ? 'internal' : 'public'}
      onSubmit={async (e) => {
        e.preventDefault();
        // `internal` is always passed: the ConsoleApi's own default must not decide who reads this.
        if (body.trim() && (await controller.addTicketComment(props.ticketId, body, internal))) setBody('');
      }}
    >
      <textarea
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={3}
        placeholder={internal ? 'Internal note: only specialists see it' : 'Reply to the requester: they see it on their ticket'}
        aria-label={internal ? 'Internal note' : 'Reply'}
      />
      <div className="composer-bar">
        <label className="toggle">
          <input type="checkbox" role="switch" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
          <span>Internal note</span>
        </label>
        <span className="comment-audience">{internal ? 'Specialists only' : 'Visible to the requester'}</span>
        <span className="spacer" />
        <button type="submit" className={`button ${internal ? 'button-note' : 'button-primary'}`} disabled={!body.trim()}>
          {internal ? 'Add internal note' : 'Send reply'}
        </button>
      </div>
    </form>
  );
}
