// A Drop Box the specialist inserted: Browse… (or a file dropped on it or anywhere on the chat) with upload progress and
// clear errors, then the attachment box. The upload itself is the chat window's (drop-box-uploads.ts), so a drop on the
// window and a Browse… here share one path; while files are dragged, the box that would take them says so.
import { useEffect, useId, useRef } from 'react';
import type { Attachment } from '../../../../src-shared/attachment';
import type { DropBox } from '../../../../src-shared/drop-box';
import { MAX_UPLOAD_BYTES } from '../../../../src-shared/limits';
import type { BoxUploadState } from '../drop-box-uploads';
import { formatFileSize } from '../file-size';
import { AttachmentList } from './AttachmentList';

interface DropBoxCardProps {
  box: DropBox;
  state: BoxUploadState;
  onFiles: (files: File[]) => void;
  onOpenAttachment: (attachment: Attachment) => void;
  loadImage?: (attachment: Attachment) => Promise<string | null>;
  chatEnded: boolean;
  /** Files are being dragged over the chat and a drop now would land in this box. */
  dropTarget: boolean;
}

export function DropBoxCard({ box, state, onFiles, onOpenAttachment, loadImage, chatEnded, dropTarget }: DropBoxCardProps) {
  const { upload, error } = state;
  const id = useId();
  const card = useRef<HTMLLIElement>(null);

  // The card may sit at the bottom edge of the scroller: bring a new error or progress bar into view.
  useEffect(() => {
    if (error || upload) card.current?.scrollIntoView({ block: 'nearest' });
  }, [error, upload]);

  const open = box.state === 'open' && !chatEnded;
  const className = `sb-dropbox${open ? ' sb-dropbox-open' : ''}${dropTarget ? ' sb-dropbox-target' : ''}`;
  return (
    <li ref={card} className={className} data-testid="drop-box" data-dropbox-id={box.id} aria-labelledby={`${id}-title`}>
      <div className="sb-dropbox-head">
        <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" className="sb-dropbox-icon">
          <path d="M10 13V3.5M6 7l4-4 4 4M3.5 12.5v4h13v-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <div>
          <h2 id={`${id}-title`} className="sb-dropbox-title">
            Drop Box
          </h2>
          <p className="sb-dropbox-label">{box.label}</p>
        </div>
      </div>
      {box.attachments.length > 0 ? <AttachmentList attachments={box.attachments} onOpen={onOpenAttachment} loadImage={loadImage} /> : null}
      {upload ? (
        <div className="sb-upload" role="status">
          <div className="sb-upload-row">
            <span className="sb-attachment-name">{upload.name}</span>
            <span className="sb-attachment-size">
              {formatFileSize(upload.size)} · {Math.round(upload.progress * 100)}%
            </span>
          </div>
          <progress className="sb-progress" max={1} value={upload.progress} aria-label={`Uploading ${upload.name}`} />
        </div>
      ) : null}
      {error ? (
        <p className="sb-field-error" role="alert" data-testid="upload-error">
          {error}
        </p>
      ) : null}
      {open && !upload ? (
        <div className="sb-browse">
          <input
            id={`${id}-file`}
            type="file"
            className="sb-file-input"
            onChange={(e) => {
              onFiles([...(e.target.files ?? [])]);
              // Cleared so choosing the same file again (after a refusal) still fires a change.
              e.target.value = '';
            }}
            aria-describedby={`${id}-limit`}
          />
          <label htmlFor={`${id}-file`} className="sb-button sb-button-secondary">
            Browse…
          </label>
          <span id={`${id}-limit`} className="sb-hint">
            or drop a file here · up to {formatFileSize(MAX_UPLOAD_BYTES)}
          </span>
        </div>
      ) : null}
      {box.state === 'cancelled' ? <p className="sb-hint">The specialist closed this Drop Box.</p> : null}
      {dropTarget ? (
        // Over the card, not instead of its content: nothing moves under the pointer, and Browse… keeps its focus.
        <div className="sb-drop-veil" aria-hidden="true" data-testid="drop-here">
          Drop to upload
        </div>
      ) : null}
    </li>
  );
}
