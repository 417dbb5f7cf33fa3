// Which file of the built renderer a request path maps to (Electron's app:// handler and the browser-mode
// host share it): paths never escape the renderer folder, and app routes without a file extension get the
// app shell, index.html.
import { join, resolve, sep } from 'node:path';

export function rendererFileFor(rendererDir: string, pathname: string): string | null {
  const root = resolve(rendererDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = resolve(root, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  if (file !== root && !file.startsWith(root + sep)) return null;
  const last = file.slice(file.lastIndexOf(sep) + 1);
  return file === root || !/\.[a-z0-9]+$/i.test(last) ? join(root, 'index.html') : file;
}
