// Files attached to a comment, by Attach files… or dropped on the comment form: each is checked like a drop-box file,
// uploaded at once with progress, and its id sent with the comment.
import { useEffect, useId, useRef, useState } from 'react';
import { MAX_UPLOAD_BYTES } from '../../../../src-shared/limits';
import { pickFiles } from '../drop-files';
import { formatFileSize } from '../file-size';
import { uploadFile, type UploadHandle } from '../upload';
import { allowedTypesText, uploadErrorText } from '../upload-check';

/** customerCommentSchema.attachmentIds allows at most this many. */
export const MAX_COMMENT_FILES = 10;

export interface CommentFile {
  key: number;
  name: string;
  size: number;
  progress: number;
  /** Set once the server stored it. */
  attachmentId: string | null;
}

function uploadedId(value: unknown): string | null {
  return typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string' ? value.id : null;
}

function commentUploadError(code: string, fileName: string, message: string): string {
  if (code === 'expired') return 'This link has expired, so files can no longer be added.';
  if (code === 'forbidden' || code === 'unauthorized' || code === 'not_found') return 'This link is not valid, so files cannot be added.';
  return uploadErrorText(code, fileName, message);
}

export interface CommentFilesState {
  files: CommentFile[];
  error: string | null;
  uploading: boolean;
  attachmentIds: string[];
  /** `folders`: how many folders a drop held (refused, said in the error). */
  add: (list: ArrayLike<File> | null, folders?: number) => void;
  remove: (key: number) => void;
  clear: () => void;
}

export function useCommentFiles(uploadUrl: string): CommentFilesState {
  const [files, setFiles] = useState<CommentFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const handles = useRef(new Map<number, UploadHandle>());
  const nextKey = useRef(1);

  useEffect(() => {
    const open = handles.current;
    return () => open.forEach((h) => h.cancel());
  }, []);

  const update = (key: number, change: Partial<CommentFile>) => setFiles((fs) => fs.map((f) => (f.key === key ? { ...f, ...change } : f)));

  async function start(file: File) {
    const key = nextKey.current++;
    setFiles((fs) => [...fs, { key, name: file.name, size: file.size, progress: 0, attachmentId: null }]);
    const handle = uploadFile({ url: uploadUrl, file, onProgress: (progress) => update(key, { progress }) });
    handles.current.set(key, handle);
    const res = await handle.done;
    // Removed while uploading: the abort already resolved this, nothing to show.
    if (!handles.current.delete(key)) return;
    const id = res.ok ? uploadedId(res.value) : null;
    if (id) return update(key, { attachmentId: id, progress: 1 });
    setFiles((fs) => fs.filter((f) => f.key !== key));
    setError(res.ok ? `“${file.name}” could not be uploaded. Try again.` : commentUploadError(res.error.code, file.name, res.error.message));
  }

  function add(list: ArrayLike<File> | null, folders = 0) {
    if ((!list || list.length === 0) && folders === 0) return;
    const pick = pickFiles(Array.from(list ?? []), { room: MAX_COMMENT_FILES - files.length, tooMany: `A comment can carry at most ${MAX_COMMENT_FILES} files.` }, folders);
    setError(pick.error);
    for (const file of pick.accepted) void start(file);
  }

  function remove(key: number) {
    const handle = handles.current.get(key);
    handles.current.delete(key);
    handle?.cancel();
    setFiles((fs) => fs.filter((f) => f.key !== key));
  }

  return {
    files,
    error,
    uploading: files.some((f) => f.attachmentId === null),
    attachmentIds: files.flatMap((f) => (f.attachmentId ? [f.attachmentId] : [])),
    add,
    remove,
    clear: () => {
      setFiles([]);
      setError(null);
    },
  };
}

/** `dragging`: files are dragged over the comment form, which takes a drop (CommentPage). */
export function CommentFiles({ state, disabled, dragging = false }: { state: CommentFilesState; disabled: boolean; dragging?: boolean }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="sb-field" data-testid="comment-files">
      <span className="sb-label">Files (optional)</span>
      {state.files.length > 0 ? (
        <ul className="sb-attachments" aria-label="Files to send">
          {state.files.map((f) => (
            <li key={f.key} className="sb-attachment sb-attachment-pending" data-testid="comment-file">
              <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" className="sb-attachment-icon">
                <path d="M4 1.5h5l3.5 3.5v9.5h-8.5z M9 1.5v3.5h3.5" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
              </svg>
              <span className="sb-attachment-name sb-attachment-plain">{f.name}</span>
              {f.attachmentId ? (
                <span className="sb-attachment-size">{formatFileSize(f.size)} · ready to send</span>
              ) : (
                <>
                  <progress className="sb-progress sb-progress-inline" max={1} value={f.progress} aria-label={`Uploading ${f.name}`} />
                  <span className="sb-attachment-size">{Math.round(f.progress * 100)}%</span>
                </>
              )}
              <button type="button" className="sb-text-button" onClick={() => state.remove(f.key)} aria-label={`Remove ${f.name}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {state.error ? (
        <p className="sb-field-error" role="alert" data-testid="comment-file-error">
          {state.error}
        </p>
      ) : null}
      {state.files.length < MAX_COMMENT_FILES ? (
        <div className="sb-browse sb-dropzone">
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            multiple
            className="sb-file-input"
            disabled={disabled}
            onChange={(e) => {
              state.add(e.target.files);
              // Cleared so picking the same file again (after removing it) still fires a change.
              e.target.value = '';
            }}
            aria-describedby={`${id}-limit`}
          />
          <label htmlFor={`${id}-file`} className="sb-button sb-button-secondary">
            Attach files…
          </label>
          <span id={`${id}-limit`} className="sb-hint">
            or drop them here. Up to {formatFileSize(MAX_UPLOAD_BYTES)} each: {allowedTypesText}.
          </span>
          {dragging ? (
            <div className="sb-drop-veil" aria-hidden="true" data-testid="drop-here">
              Drop to upload
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
