// Uploads one file (Drop Box or comment) with XMLHttpRequest, because fetch cannot report upload progress.
import { err, type Result } from '../../../src-shared/result';

export interface UploadRequest {
  url: string;
  /** Visitor bearer token; absent where the URL itself carries the credential (comment links). */
  token?: string;
  file: File;
  onProgress: (fraction: number) => void;
}

export interface UploadHandle {
  done: Promise<Result<unknown>>;
  cancel: () => void;
}

export function uploadFile({ url, token, file, onProgress }: UploadRequest): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<Result<unknown>>((resolve) => {
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener('load', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText) as unknown;
      } catch {
        // fall through: a non-JSON answer is reported below with its status
      }
      if (typeof body === 'object' && body !== null && 'ok' in body) resolve(body as Result<unknown>);
      else if (xhr.status === 413) resolve(err('too_large', 'The file is too large.'));
      else resolve(err('internal', `Upload failed (HTTP ${xhr.status}).`));
    });
    xhr.addEventListener('error', () => resolve({ ok: false, error: { code: 'unavailable', message: 'network' } }));
    xhr.addEventListener('abort', () => resolve(err('bad_request', 'Upload cancelled.')));
  });
  const form = new FormData();
  form.append('file', file, file.name);
  xhr.open('POST', url);
  if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
  xhr.setRequestHeader('Accept', 'application/json');
  xhr.send(form);
  return { done, cancel: () => xhr.abort() };
}
