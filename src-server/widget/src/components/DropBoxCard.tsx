// A Drop Box the specialist inserted: Browse to pick a file, upload progress, clear errors, then the attachment box.
import { useEffect, useId, useRef, useState } from 'react';
import type { Attachment } from '../../../../src-shared/attachment';
import type { DropBox } from '../../../../src-shared/drop-box';
import { MAX_UPLOAD_BYTES } from '../../../../src-shared/limits';
import { formatFileSize } from '../file-size';
import { uploadFile, type UploadHandle } from '../upload';
import { checkUpload, uploadErrorText } from '../upload-check';
import { AttachmentList } from './AttachmentList';

interface DropBoxCardProps {
  box: DropBox;
  uploadUrl: string;
  token: string;
  onOpenAttachment: (attachment: Attachment) => void;
  chatEnded: boolean;
}

type Upload = { name: string; size: number; progress: number } | null;

export function DropBoxCard({ box, uploadUrl, token, onOpenAttachment, chatEnded }: DropBoxCardProps) {
  const [upload, setUpload] = useState<Upload>(null);
  const [error, setError] = useState<string | null>(null);
  const handle = useRef<UploadHandle | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  const card = useRef<HTMLLIElement>(null);

  useEffect(() => () => handle.current?.cancel(), []);
  // The card may sit at the bottom edge of the scroller: bring a new error or progress bar into view.
  useEffect(() => {
    if (error || upload) card.current?.scrollIntoView({ block: 'nearest' });
  }, [error, upload]);

  async function pick(file: File | undefined) {
    if (!file) return;
    setError(null);
    const check = checkUpload(file);
    if (!check.ok) {
      setError(check.error.message);
      return;
    }
    setUpload({ name: file.name, size: file.size, progress: 0 });
    handle.current = uploadFile({
      url: uploadUrl,
      token,
      file,
      onProgress: (progress) => setUpload((u) => (u ? { ...u, progress } : u)),
    });
    const res = await handle.current.done;
    handle.current = null;
    setUpload(null);
    if (input.current) input.current.value = '';
    // Success needs no local state: the server's dropbox.updated event brings the attachment into the box.
    if (!res.ok) setError(uploadErrorText(res.error.code, file.name, res.error.message));
  }

  const open = box.state === 'open' && !chatEnded;
  return (
    <li ref={card} className="sb-dropbox" data-testid="drop-box" aria-labelledby={`${id}-title`}>
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
      {box.attachments.length > 0 ? <AttachmentList attachments={box.attachments} onOpen={onOpenAttachment} /> : null}
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
            ref={input}
            id={`${id}-file`}
            type="file"
            className="sb-file-input"
            onChange={(e) => void pick(e.target.files?.[0])}
            aria-describedby={`${id}-limit`}
          />
          <label htmlFor={`${id}-file`} className="sb-button sb-button-secondary">
            Browse…
          </label>
          <span id={`${id}-limit`} className="sb-hint">
            Up to {formatFileSize(MAX_UPLOAD_BYTES)}
          </span>
        </div>
      ) : null}
      {box.state === 'cancelled' ? <p className="sb-hint">The specialist closed this Drop Box.</p> : null}
    </li>
  );
}
