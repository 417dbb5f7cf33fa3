// Client ids (UUID v4) for idempotent writes. crypto.randomUUID exists only in secure contexts, and a support
// page may be served over plain http on an intranet, so fall back to getRandomValues, which exists everywhere.

export function newClientId(): string {
  // Not exposed at all outside secure contexts, so its presence is the test.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
