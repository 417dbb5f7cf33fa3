// What the page remembers in localStorage: the visitor's email and department, the chat session, and unsent messages.
// Every access is guarded: storage can be blocked (privacy modes, third-party iframes) and the page must still work.

export interface SavedSession {
  token: string;
  conversationId: string;
  /** Newest event seq applied, so a reload catches up with events:since instead of missing anything. */
  cursor: number;
}

export interface PendingMessage {
  clientId: string;
  body: string;
  queuedAt: number;
}

const keys = {
  email: 'switchboard.email',
  department: 'switchboard.department',
  session: 'switchboard.session',
  outbox: (conversationId: string) => `switchboard.outbox.${conversationId}`,
};

/** The slice of the Web Storage API used here, declared so this module also typechecks (and runs) in Node. */
interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The page's localStorage; undefined where there is none (the widget client runs in Node in integration tests). */
const storage = (): KeyValueStorage | undefined => (globalThis as { localStorage?: KeyValueStorage }).localStorage;

function read(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) storage()?.removeItem(key);
    else storage()?.setItem(key, value);
  } catch {
    // Storage full or blocked: remembering is a convenience, the chat goes on without it.
  }
}

function readJson(key: string): unknown {
  const raw = read(key);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export const savedEmail = (): string => read(keys.email) ?? '';
export const saveEmail = (email: string): void => write(keys.email, email);
export const savedDepartment = (): string | null => read(keys.department);
export const saveDepartment = (id: string): void => write(keys.department, id);

export function savedSession(): SavedSession | null {
  const v = readJson(keys.session);
  if (!isRecord(v) || typeof v.token !== 'string' || typeof v.conversationId !== 'string') return null;
  return { token: v.token, conversationId: v.conversationId, cursor: typeof v.cursor === 'number' ? v.cursor : 0 };
}

export function saveSession(session: SavedSession | null): void {
  write(keys.session, session === null ? null : JSON.stringify(session));
}

export function savedOutbox(conversationId: string): PendingMessage[] {
  const v = readJson(keys.outbox(conversationId));
  if (!Array.isArray(v)) return [];
  return v.filter(
    (m): m is PendingMessage =>
      isRecord(m) && typeof m.clientId === 'string' && typeof m.body === 'string' && typeof m.queuedAt === 'number',
  );
}

export function saveOutbox(conversationId: string, outbox: readonly PendingMessage[]): void {
  write(keys.outbox(conversationId), outbox.length === 0 ? null : JSON.stringify(outbox));
}
