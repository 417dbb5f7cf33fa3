// The attachment box: files in a message, drop box or ticket, with name and size; downloadable where the page may fetch them.
import type { Attachment } from '../../../../src-shared/attachment';
import { formatFileSize } from '../file-size';

interface AttachmentListProps {
  attachments: readonly Attachment[];
  /** Chat downloads need the visitor's bearer token, so they go through a handler. */
  onOpen?: (attachment: Attachment) => void;
  /** Comment-page downloads are plain links (the signature is in the URL). */
  hrefFor?: (attachment: Attachment) => string;
  label?: string;
}

export function AttachmentList({ attachments, onOpen, hrefFor, label = 'Attachments' }: AttachmentListProps) {
  return (
    <ul className="sb-attachments" aria-label={label}>
      {attachments.map((a) => (
        <li key={a.id} className="sb-attachment" data-testid="attachment">
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" className="sb-attachment-icon">
            <path d="M4 1.5h5l3.5 3.5v9.5h-8.5z M9 1.5v3.5h3.5" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
          </svg>
          {hrefFor ? (
            <a className="sb-attachment-name sb-attachment-open" href={hrefFor(a)} download={a.fileName} title={`Download ${a.fileName}`}>
              {a.fileName}
            </a>
          ) : onOpen ? (
            <button type="button" className="sb-attachment-name sb-attachment-open" onClick={() => onOpen(a)} title={`Download ${a.fileName}`}>
              {a.fileName}
            </button>
          ) : (
            <span className="sb-attachment-name sb-attachment-plain">{a.fileName}</span>
          )}
          <span className="sb-attachment-size">{formatFileSize(a.size)}</span>
        </li>
      ))}
    </ul>
  );
}
