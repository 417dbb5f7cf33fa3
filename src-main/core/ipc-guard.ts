// Gatekeeper for the desktop app's one IPC request (a window asking for its MessagePort to the core; plain
// Node, so it is tested here): only the app's own frames get a connection.

/**
 * True when `senderUrl` is a page of the app itself. Compared by scheme and host, because WHATWG URL gives
 * custom schemes such as app:// an opaque "null" origin, which would make every app:// page look alike.
 */
export function isAppFrame(senderUrl: string | null | undefined, appOrigin: string): boolean {
  if (!senderUrl) return false;
  try {
    const sender = new URL(senderUrl);
    const app = new URL(appOrigin);
    return sender.protocol === app.protocol && sender.host === app.host && sender.username === '' && sender.password === '';
  } catch {
    return false;
  }
}
