// The page behind the recap email's signed link: the ticket's status, what a reply will do, its history and files
// (images as thumbnails), and a form to add a comment with CCs and files (chosen or dropped on the form).
import { TicketTranscript } from './TicketTranscript';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Attachment } from '../../../../src-shared/attachment';
import type { CommentPage as CommentPageData } from '../../../../src-shared/protocol/http';
import type { AppError } from '../../../../src-shared/result';
import { ticketStatusDescriptions } from '../../../../src-shared/ticket-lifecycle';
import { receiptText, replyOutlook, ticketFiles, ticketHistory } from '../comment-view';
import { isLikelyEmail } from '../email-address';
import { useFileDragArea, useFileDropGuard } from '../file-drag';
import { commentAttachmentUrl, commentUploadUrl, fetchCommentTicket, postComment } from '../server-api';
import { AttachmentList } from './AttachmentList';
import { CommentFiles, useCommentFiles } from './CommentFiles';
import { Panel } from './Panel';

interface CommentPageProps {
  origin: string;
  ticketId: number;
  sig: string;
}

type Load = { kind: 'loading' } | { kind: 'failed'; error: AppError } | { kind: 'ready'; page: CommentPageData };


function linkProblem(error: AppError): { title: string; text: string } {
  switch (error.code) {
    case 'expired':
      return { title: 'This link has expired', text: 'Comment links are valid for a limited time. Contact us again and mention your ticket number.' };
    case 'forbidden':
    case 'unauthorized':
    case 'bad_request':
    case 'not_found':
      return { title: 'This link is not valid', text: 'The link may be incomplete or changed. Open it again from the email, or contact us.' };
    default:
      return { title: 'We could not load your ticket', text: error.message };
  }
}

/** "a@x.com, b@y.com" → addresses, or the first one that is not an email. */
function parseCcs(text: string): { ccs: string[]; bad: string | null } {
  const ccs = text
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return { ccs, bad: ccs.find((c) => !isLikelyEmail(c)) ?? null };
}

export function CommentPage({ origin, ticketId, sig }: CommentPageProps) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [body, setBody] = useState('');
  const [ccText, setCcText] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const files = useCommentFiles(commentUploadUrl(origin, ticketId, sig));
  const hrefFor = (a: Attachment) => commentAttachmentUrl(origin, ticketId, sig, a.id);
  // The signature is in the link, so an <img> can load it (same origin, `img-src 'self'`; served nosniff as the sniffed image type).
  const loadImage = async (a: Attachment) => hrefFor(a);
  useFileDropGuard();
  const drag = useFileDragArea(({ files: dropped, folders }) => {
    if (busy) return setFieldError('Wait until your comment is sent, then add more files.');
    files.add(dropped, folders);
  });

  useEffect(() => {
    let live = true;
    void fetchCommentTicket(origin, ticketId, sig).then((res) => {
      if (live) setLoad(res.ok ? { kind: 'ready', page: res.value } : { kind: 'failed', error: res.error });
    });
    return () => {
      live = false;
    };
  }, [origin, ticketId, sig]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setFormError(null);
    setSent(null);
    const { ccs, bad } = parseCcs(ccText);
    if (!body.trim()) return setFieldError('Type your comment.');
    if (bad) return setFieldError(`“${bad}” is not a valid email address.`);
    if (files.uploading) return setFieldError('Wait until your files finish uploading.');
    setFieldError(null);
    setBusy(true);
    const attachmentIds = files.attachmentIds;
    const res = await postComment(origin, ticketId, sig, { body: body.trim(), ccs, attachmentIds });
    if (!res.ok) {
      setBusy(false);
      const problem = res.error.code === 'expired' || res.error.code === 'forbidden' ? linkProblem(res.error).title : null;
      setFormError(problem ?? res.error.message);
      return;
    }
    setBody('');
    setCcText('');
    files.clear();
    setSent(receiptText(res.value, attachmentIds.length));
    const again = await fetchCommentTicket(origin, ticketId, sig);
    if (again.ok) setLoad({ kind: 'ready', page: again.value });
    setBusy(false);
  }

  if (load.kind === 'loading')
    return (
      <main className="sb-page sb-page-wide">
        <Panel title={`TICKET #${ticketId}`}>
          <p className="sb-hint" role="status">
            Loading your ticket…
          </p>
        </Panel>
      </main>
    );

  if (load.kind === 'failed') {
    const problem = linkProblem(load.error);
    return (
      <main className="sb-page sb-page-wide">
        <Panel title={`TICKET #${ticketId}`}>
          <div className="sb-problem" role="alert" data-testid="link-problem">
            <h2 className="sb-receipt-title">{problem.title}</h2>
            <p className="sb-lead">{problem.text}</p>
            <a className="sb-button sb-button-secondary" href="/support">
              Contact support
            </a>
          </div>
        </Panel>
      </main>
    );
  }

  const { page } = load;
  const entries = ticketHistory(page);
  const allFiles = ticketFiles(entries);
  const closed = page.status === 'closed';

  return (
    <main className="sb-page sb-page-wide">
      <Panel title={`TICKET #${page.ticketId}`} subtitle={page.subject}>
        <div className="sb-ticket-status" data-testid="ticket-status">
          <span className={`sb-badge sb-badge-${page.status}`}>{page.statusLabel}</span>
          <p className="sb-hint">{ticketStatusDescriptions[page.status]}</p>
        </div>

        <h2 className="sb-section-title">Conversation</h2>
        <TicketTranscript entries={entries} hrefFor={hrefFor} loadImage={loadImage} />

        {allFiles.length > 0 ? (
          <section className="sb-ticket-files" aria-labelledby={`${id}-files`} data-testid="ticket-files">
            <h2 id={`${id}-files`} className="sb-section-title">
              Files on this ticket ({allFiles.length})
            </h2>
            <AttachmentList attachments={allFiles} hrefFor={hrefFor} label="Files on this ticket" />
          </section>
        ) : null}

        <form className={drag.dragging ? 'sb-form sb-comment-form sb-form-dragging' : 'sb-form sb-comment-form'} onSubmit={submit} noValidate data-testid="comment-form" {...drag.handlers}>
          <h2 className="sb-section-title">{closed ? 'Add a comment (opens a follow-up ticket)' : 'Add a comment'}</h2>
          <p className="sb-outlook" data-testid="reply-outlook">
            {replyOutlook(page.status)}
          </p>
          <div className="sb-field">
            <label htmlFor={`${id}-body`}>Your comment</label>
            <textarea id={`${id}-body`} rows={4} maxLength={10000} value={body} onChange={(e) => setBody(e.target.value)} required />
          </div>
          <div className="sb-field">
            <label htmlFor={`${id}-cc`}>CC (optional)</label>
            <input
              id={`${id}-cc`}
              type="text"
              inputMode="email"
              autoComplete="off"
              placeholder="colleague@company.com, another@company.com"
              value={ccText}
              onChange={(e) => setCcText(e.target.value)}
              aria-describedby={`${id}-cc-hint`}
            />
            <p id={`${id}-cc-hint`} className="sb-hint">
              Separate addresses with commas. They will receive updates on this ticket too.
            </p>
          </div>
          <CommentFiles state={files} disabled={busy} dragging={drag.dragging} />
          {fieldError ? (
            <p className="sb-field-error" role="alert">
              {fieldError}
            </p>
          ) : null}
          {formError ? (
            <p className="sb-form-error" role="alert">
              {formError}
            </p>
          ) : null}
          {sent ? (
            <p className="sb-success" role="status" data-testid="comment-sent">
              {sent}
            </p>
          ) : null}
          <button type="submit" className="sb-button sb-button-primary" disabled={busy || files.uploading}>
            ADD COMMENT
          </button>
        </form>
      </Panel>
    </main>
  );
}
