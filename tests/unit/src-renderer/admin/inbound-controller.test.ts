import { afterEach, describe, expect, it } from 'vitest';
import { createInboundController, INBOUND_LIST_LIMIT } from '../../../../src-renderer/admin/inbound-controller';
import { createAppStore } from '../../../../src-renderer/store/app-store';
import { err, ok } from '../../../../src-shared/result';
import type { InboundMailDetail, InboundMailStatus, InboundMailSummary } from '../../../../src-shared/inbound-mail';
import { ME, specialist } from '../factories';
import { fakeConsoleApi } from '../fake-console-api';

const admin = specialist({ id: ME, role: 'admin', displayName: 'Ada' });
const settle = () => new Promise((r) => setTimeout(r, 5));

function mail(id: number, status: InboundMailStatus, over: Partial<InboundMailSummary> = {}): InboundMailSummary {
  return {
    id,
    receivedAt: 1_000 + id,
    envelopeFrom: 'ana@example.com',
    envelopeTo: 'finance@support.example.com',
    departmentId: 'finance',
    status,
    reason: status === 'failed' ? 'no text and no attachment' : null,
    messageId: `<m${id}@example.com>`,
    fromAddress: 'ana@example.com',
    subject: `Mail ${id}`,
    ticketId: status === 'processed' ? 40 + id : null,
    size: 900,
    ...over,
  };
}
const detail = (m: InboundMailSummary): InboundMailDetail => ({ ...m, headers: [{ name: 'Subject', value: m.subject ?? '' }], source: 'Subject: x\r\n\r\nbody', sourceTruncated: false });

function store() {
  const s = createAppStore();
  s.getState().setSession({ serverUrl: 'http://127.0.0.1:1', me: admin, connection: 'online' });
  return s;
}

let offs: (() => void)[] = [];
afterEach(() => {
  for (const off of offs) off();
  offs = [];
});

describe('inbound mail controller', () => {
  it('lists every status by default with the failed count beside it, and a status filter asks only for that status', async () => {
    const all = [mail(3, 'failed'), mail(2, 'processed'), mail(1, 'failed')];
    const { api, calls } = fakeConsoleApi({
      listInboundMail: async (input: { status?: InboundMailStatus }) => ok(input.status ? all.filter((m) => m.status === input.status) : all),
    });
    const s = store();
    const c = createInboundController(api, s);
    await c.refresh();
    expect(s.getState().inboundMails?.map((m) => m.id)).toEqual([3, 2, 1]);
    expect(s.getState().inboundFailedCount).toBe(2);
    expect(calls.map((x) => x.input)).toEqual([{ limit: INBOUND_LIST_LIMIT }, { status: 'failed', limit: INBOUND_LIST_LIMIT }]);

    calls.length = 0;
    await c.setFilter('failed');
    // Filtered to failed, the list is the count: one question, not two.
    expect(calls.map((x) => x.input)).toEqual([{ status: 'failed', limit: INBOUND_LIST_LIMIT }]);
    expect(s.getState().inboundMails?.map((m) => m.id)).toEqual([3, 1]);
    await c.setFilter('processed');
    expect(s.getState().inboundMails?.map((m) => m.id)).toEqual([2]);
    expect(s.getState().inboundFailedCount).toBe(2);
  });

  it('keeps the last list with the reason when a read fails (offline), and reads again once back online while showing', async () => {
    let answer: ReturnType<typeof ok<InboundMailSummary[]>> | ReturnType<typeof err> = ok([mail(1, 'failed')]);
    const { api, emit } = fakeConsoleApi({ listInboundMail: async () => answer });
    const s = store();
    const c = createInboundController(api, s);
    offs = c.subscribe();
    await c.refresh();
    answer = err('offline', 'You are offline — mail details need a connection');
    await c.refresh();
    expect(s.getState().inboundProblem).toBe('You are offline — mail details need a connection');
    expect(s.getState().inboundMails).toHaveLength(1);

    answer = ok([mail(2, 'processed'), mail(1, 'failed')]);
    s.getState().navigate('admin');
    s.getState().showAdminSection('inbound');
    emit('connection', { state: 'online', unsent: 0, nextRetryAt: null });
    await settle();
    expect(s.getState().inboundProblem).toBeNull();
    expect(s.getState().inboundMails).toHaveLength(2);
  });

  it('re-reads on a ticket change only while the Inbound mail screen shows', async () => {
    const { api, emit, calls } = fakeConsoleApi({ listInboundMail: async () => ok([]) });
    const s = store();
    offs = createInboundController(api, s).subscribe();
    emit('tickets', { ids: [1] });
    await settle();
    expect(calls).toHaveLength(0);
    s.getState().navigate('admin');
    s.getState().showAdminSection('inbound');
    emit('tickets', { ids: [1] });
    await settle();
    expect(calls.length).toBeGreaterThan(0);
  });

  it('processing again shows the mail as it became, re-reads the list, and hands back a refusal as its message', async () => {
    let current = mail(7, 'failed');
    const { api, calls } = fakeConsoleApi({
      listInboundMail: async () => ok([current]),
      getInboundMail: async () => ok(detail(current)),
      retryInboundMail: async (input: { inboundId: number }) => {
        if (input.inboundId !== 7) return err('forbidden', 'Only admins process mail again.');
        current = mail(7, 'processed', { ticketId: 51, reason: 'new ticket' });
        return ok(current);
      },
    });
    const s = store();
    const c = createInboundController(api, s);
    await c.open(7);
    expect(s.getState().inboundOpen?.status).toBe('failed');
    expect(await c.retry(7)).toBeNull();
    expect(s.getState().inboundOpen).toMatchObject({ id: 7, status: 'processed', ticketId: 51 });
    expect(s.getState().toast?.text).toBe('Mail #7 processed again: on a ticket.');
    await settle();
    expect(s.getState().inboundMails?.[0]?.status).toBe('processed');
    expect(calls.some((x) => x.method === 'retryInboundMail')).toBe(true);

    expect(await c.retry(8)).toBe('Only admins process mail again.');
    c.close();
    expect(s.getState().inboundOpen).toBeNull();
  });
});
