// The postMessage protocol between the embed loader (host page) and the support page in its iframe.

export const EMBED_SOURCE = 'switchboard-widget';

/** From the iframe: what the tab should say, and requests to close the panel. */
export type EmbedMessage =
  | { source: typeof EMBED_SOURCE; type: 'status'; tab: 'chat' | 'help'; hoursText: string }
  | { source: typeof EMBED_SOURCE; type: 'close' };

/** From the host page: the panel was opened, so the page moves keyboard focus to its first field. */
export type HostMessage = { source: typeof EMBED_SOURCE; type: 'opened' };

export function isHostMessage(data: unknown): data is HostMessage {
  return typeof data === 'object' && data !== null && (data as { source?: unknown }).source === EMBED_SOURCE && (data as { type?: unknown }).type === 'opened';
}

export function isEmbedMessage(data: unknown): data is EmbedMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as { source?: unknown; type?: unknown };
  return m.source === EMBED_SOURCE && (m.type === 'status' || m.type === 'close');
}
