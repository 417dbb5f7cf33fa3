// The attachment box: files in a message, drop box or ticket, with name and size; downloadable where the page may fetch them.
// Images (PNG, JPEG, GIF, WebP) also show a thumbnail where the page can load them.
import type { Attachment } from '../../../../src-shared/attachment';
import { isPreviewable } from '../../../../src-shared/image-preview';
import { formatFileSize } from '../file-size';
import { Thumbnail } from './Thumbnail';

interface AttachmentListProps {
  attachments: readonly Attachment[];
  /** Chat downloads need the visitor's bearer token, so they go through a handler. */
  onOpen?: (attachment: Attachment) => void;
  /** Comment-page downloads are plain links (the signature is in the URL). */
  hrefFor?: (attachment: Attachment) => string;
  /** Where an image's thumbnail comes from; without it images show as files only. */
  loadImage?: (attachment: Attachment) => Promise<string | null>;
  label?: string;
}

export function AttachmentList({ attachments, onOpen, hrefFor, loadImage, label = 'Attachments' }: AttachmentListProps) {
  return (
    <ul className="sb-attachments" aria-label={label}>
      {attachments.map((a) => {
        const thumbnail = loadImage && isPreviewable(a);
        return (
          <li key={a.id} className={thumbnail ? 'sb-attachment sb-attachment-image' : 'sb-attachment'} data-testid="attachment">
            {thumbnail ? (
              <Thumbnail attachment={a} load={loadImage} {...(hrefFor ? { href: hrefFor(a) } : onOpen ? { onOpen: () => onOpen(a) } : {})} />
            ) : null}
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
        );
      })}
    </ul>
  );
}
