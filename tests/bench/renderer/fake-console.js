// In-page fake ConsoleApi for the renderer bench: `window.switchboard` with 20 live chats (one of them holding
// `window.__benchConfig.bigChat` messages), so the bench measures the renderer alone. `window.__fake.emit`
// pushes change events the way the main process would.
/* global window */
(() => {
  const cfg = window.__benchConfig ?? { chats: 20, bigChat: 10000, smallChat: 60 };
  const now = Date.now();
  const meId = '10000000-0000-4000-8000-000000000001';
  const me = { id: meId, email: 'dana@switchboard.local', displayName: 'Dana', role: 'lead', status: 'online', maxConcurrentChats: 20, departmentIds: ['technical', 'av-media'], activeChats: cfg.chats };
  const hex = (n, width) => n.toString(16).padStart(width, '0');
  const convId = (i) => `20000000-0000-4000-8000-${hex(i, 12)}`;
  const words = 'stream black player audio buffering login event keynote browser cache cookie session reload screen share slides chat ticket invoice'.split(' ');
  const sentence = (seed) => {
    const len = 4 + (seed % 23);
    const out = [];
    for (let k = 0; k < len; k++) out.push(words[(seed * 7 + k * 13) % words.length]);
    return out.join(' ');
  };
  const conversations = [];
  const messages = new Map();
  for (let i = 0; i < cfg.chats; i++) {
    const id = convId(i + 1);
    conversations.push({
      id,
      departmentId: i % 2 ? 'av-media' : 'technical',
      visitorEmail: `visitor${i + 1}@example.com`,
      question: sentence(i),
      context: { pid: `P-${1000 + i}`, eid: 'E-77' },
      state: 'active',
      specialist: { id: meId, displayName: 'Dana' },
      ticketId: i + 1,
      queuedAt: now - 3_600_000 + i * 1000,
      assignedAt: now - 3_500_000 + i * 1000,
      firstResponseAt: now - 3_400_000 + i * 1000,
      endedAt: null,
      endReason: null,
      lastSeq: 0,
    });
    const count = i === 0 ? cfg.bigChat : cfg.smallChat;
    const list = [];
    for (let s = 1; s <= count; s++) {
      const visitor = s % 3 !== 0;
      list.push({
        id: `30000000-0000-4000-8000-${hex(i * 100000 + s, 12)}`,
        clientId: `40000000-0000-4000-8000-${hex(i * 100000 + s, 12)}`,
        conversationId: id,
        seq: s,
        authorKind: visitor ? 'visitor' : 'specialist',
        authorId: visitor ? null : meId,
        authorName: visitor ? `visitor${i + 1}@example.com` : 'Dana',
        body: s % 17 === 0 ? `${sentence(s)}\n${sentence(s + 1)} https://example.com/help/${s}` : sentence(s),
        attachments: [],
        internal: s % 29 === 0,
        createdAt: now - (count - s) * 20_000,
      });
    }
    conversations[i].lastSeq = count;
    messages.set(id, list);
  }
  const listeners = new Map();
  const ok = (value) => Promise.resolve({ ok: true, value });
  const departments = [
    { id: 'technical', name: 'Technical', description: '', schedule: { zone: 'America/New_York', weekly: [], holidays: [] }, routing: 'pick', product: 'lumina', position: 1 },
    { id: 'av-media', name: 'AV Media', description: '', schedule: { zone: 'America/New_York', weekly: [], holidays: [] }, routing: 'auto', product: null, position: 0 },
  ];
  const settings = { serverUrl: 'http://127.0.0.1:4080', notifications: { enabled: false, sound: false, quietWhenAway: true }, theme: 'system', closeToTray: true, openAtLogin: false };
  const appInfo = cfg.appInfo ?? { shell: 'browser', platform: 'linux', version: 'bench', logDir: null };
  const session = { serverUrl: settings.serverUrl, me, connection: 'online' };
  const api = {
    getSession: () => ok(session),
    login: () => ok(session),
    logout: () => ok(null),
    setStatus: () => ok(me),
    getSettings: () => ok(settings),
    getAppInfo: () => ok(appInfo),
    updateSettings: () => ok(settings),
    listDepartments: () => ok(departments),
    listSpecialists: () => ok([me]),
    listConversations: () => ok(conversations),
    // Ignores the page size on purpose: the bench measures the transcript holding the whole chat.
    getMessages: (input) => ok(input.beforeSeq ? [] : (messages.get(input.conversationId) ?? [])),
    listDropBoxes: () => ok([]),
    markRead: () => ok(null),
    setFocus: () => ok(null),
    setTyping: () => ok(null),
    listTickets: () => ok([]),
    getOutbox: () => ok([]),
    search: () => ok([]),
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  const refuse = () => Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'not in the bench' } });
  window.switchboard = new Proxy(api, { get: (target, key) => (key in target ? target[key] : refuse) });
  window.__fake = {
    convId,
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    /** Appends one visitor message to a chat and pushes it like the main process does. */
    append(index, body) {
      const id = convId(index + 1);
      const list = messages.get(id);
      const seq = list.length + 1;
      const m = { ...list[0], id: `50000000-0000-4000-8000-${hex(index * 100000 + seq, 12)}`, clientId: `60000000-0000-4000-8000-${hex(index * 100000 + seq, 12)}`, seq, body, authorKind: 'visitor', authorId: null, internal: false, createdAt: Date.now() };
      list.push(m);
      this.emit('messages', { conversationId: id, messages: [m] });
    },
  };
})();
