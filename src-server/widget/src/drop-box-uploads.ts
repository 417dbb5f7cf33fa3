// Uploads into the chat's Drop Boxes, held by the chat window rather than by each card: a file can arrive by Browse…
// on a card or by a drop anywhere on the window, and both go through the same checks, progress and error text.
import { useCallback, useEffect, useRef, useState } from 'react';
import { DROP_BOX_TAKES_ONE, pickFiles } from './drop-files';
import { uploadFile, type UploadHandle } from './upload';
import { uploadErrorText } from './upload-check';

export interface BoxUpload {
  name: string;
  size: number;
  progress: number;
}

export interface BoxUploadState {
  upload: BoxUpload | null;
  error: string | null;
}

export interface DropBoxUploads {
  stateOf(boxId: string): BoxUploadState;
  /** Checks the files (a box takes exactly one) and uploads the one; a refusal shows on that box. */
  send(boxId: string, files: readonly File[], folders?: number): void;
}

const idle: BoxUploadState = { upload: null, error: null };

export function useDropBoxUploads(uploadUrl: (boxId: string) => string, token: string): DropBoxUploads {
  const [states, setStates] = useState<Record<string, BoxUploadState>>({});
  const handles = useRef(new Map<string, UploadHandle>());

  useEffect(() => {
    const open = handles.current;
    return () => open.forEach((h) => h.cancel());
  }, []);

  const patch = (boxId: string, change: Partial<BoxUploadState>) =>
    setStates((s) => ({ ...s, [boxId]: { ...(s[boxId] ?? idle), ...change } }));

  const send = useCallback(
    (boxId: string, files: readonly File[], folders = 0) => {
      if (handles.current.has(boxId)) return patch(boxId, { error: 'Wait until the file being uploaded here is done.' });
      const pick = pickFiles(files, { room: 1, tooMany: DROP_BOX_TAKES_ONE, allOrNothing: true }, folders);
      const file = pick.accepted[0];
      patch(boxId, { error: pick.error });
      if (!file) return;
      patch(boxId, { upload: { name: file.name, size: file.size, progress: 0 } });
      const handle = uploadFile({
        url: uploadUrl(boxId),
        token,
        file,
        onProgress: (progress) => setStates((s) => ({ ...s, [boxId]: { ...(s[boxId] ?? idle), upload: { name: file.name, size: file.size, progress } } })),
      });
      handles.current.set(boxId, handle);
      void handle.done.then((res) => {
        handles.current.delete(boxId);
        // Success needs no local state: the server's dropbox.updated event brings the attachment into the box.
        patch(boxId, { upload: null, error: res.ok ? null : uploadErrorText(res.error.code, file.name, res.error.message) });
      });
    },
    [uploadUrl, token],
  );

  return { stateOf: (boxId) => states[boxId] ?? idle, send };
}
