// A socket.io client spoken by hand over a raw WebSocket (engine.io v4 + socket.io v5 text packets), for frames the real client refuses to send.
import { WebSocket } from 'ws';

export interface RawSocketIo {
  /** Sends one socket.io packet as an engine.io message (`4` + packet). */
  send(packet: string): void;
  /** The next socket.io packet whose text starts with `prefix` (or one of them), already received or still to come. */
  next(prefix: string | string[], timeoutMs?: number): Promise<string>;
  /** Resolves with the close code once the server cuts the connection. */
  closed: Promise<number>;
  close(): void;
  /** The server's answer to the namespace CONNECT: `0/nsp,{sid}` (accepted) or `4/nsp,{message,data}` (refused). */
  connectAnswer: string;
}

/** Opens the engine.io WebSocket and connects `namespace`; answers pings so the session stays up. */
export async function connectRaw(baseUrl: string, namespace: string, opts: { origin?: string; auth?: Record<string, unknown> } = {}): Promise<RawSocketIo> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, opts.origin ? { origin: opts.origin } : {});
  const received: string[] = [];
  const waiters: { prefixes: string[]; resolve: (p: string) => void }[] = [];
  const starts = (packet: string, prefixes: string[]) => prefixes.some((x) => packet.startsWith(x));
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('message', (data: Buffer) => {
    const text = data.toString();
    if (text === '2') return ws.send('3');
    if (!text.startsWith('4')) return;
    const packet = text.slice(1);
    const w = waiters.find((x) => starts(packet, x.prefixes));
    if (w) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(packet);
    } else received.push(packet);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const raw: Omit<RawSocketIo, 'connectAnswer'> = {
    send: (packet) => ws.send(`4${packet}`),
    next(prefix, timeoutMs = 5_000) {
      const prefixes = typeof prefix === 'string' ? [prefix] : prefix;
      const i = received.findIndex((p) => starts(p, prefixes));
      if (i >= 0) return Promise.resolve(received.splice(i, 1)[0] as string);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no packet starting with ${prefixes.join(' or ')}`)), timeoutMs);
        waiters.push({
          prefixes,
          resolve: (p) => {
            clearTimeout(timer);
            resolve(p);
          },
        });
      });
    },
    closed,
    close: () => ws.close(),
  };
  raw.send(`0${namespace},${opts.auth ? JSON.stringify(opts.auth) : ''}`);
  const connectAnswer = await raw.next([`0${namespace},`, `4${namespace},`]);
  return { ...raw, connectAnswer };
}

/** The JSON of an ack packet (`3/nsp,<id>[…]`), i.e. the Result the server answered. */
export function ackBody(packet: string): unknown {
  const start = packet.indexOf('[');
  return (JSON.parse(packet.slice(start)) as unknown[])[0];
}
