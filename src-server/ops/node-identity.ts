// Which node this is, for claims on shared work (mail, automation jobs). Stable across restarts when it can be:
// NODE_ID when set, else host name and port — two running processes cannot share a port on one host — so a node
// that comes back after a crash recognises its own dead claims. With PORT=0 (tests) it is unique per run instead.
export function nodeIdentity(opts: { nodeId: string | null; hostname: string; port: number; unique: () => string }): { id: string; stable: boolean } {
  if (opts.nodeId) return { id: opts.nodeId, stable: true };
  if (opts.port !== 0) return { id: `${opts.hostname}:${opts.port}`, stable: true };
  return { id: `${opts.hostname}:${opts.unique()}`, stable: false };
}
