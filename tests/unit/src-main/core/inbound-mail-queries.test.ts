import { describe, expect, it, vi } from 'vitest';
import { createInboundMailQueries, MAIL_OFFLINE, type InboundMailQueryDeps } from '../../../../src-main/core/inbound-mail-queries';
import { err, ok, type Result } from '../../../../src-shared/result';

function setup(connected: boolean, answer: Result<unknown> = ok([])) {
  const engine = { isConnected: () => connected, request: vi.fn(async () => answer) };
  const mail = createInboundMailQueries({ engine: () => engine as unknown as ReturnType<InboundMailQueryDeps['engine']>, newId: () => 'client-1' });
  return { mail, engine };
}

describe('inbound mail queries', () => {
  it('ask the server with the matching agent event, a retry with a fresh client id', async () => {
    const { mail, engine } = setup(true);
    await mail.listTicketMail({ ticketId: 12 });
    await mail.listInboundMail({ status: 'failed', limit: 50 });
    await mail.getInboundMail({ inboundId: 3 });
    await mail.retryInboundMail({ inboundId: 3 });
    expect(engine.request.mock.calls).toEqual([
      ['ticket:mail', { ticketId: 12 }],
      ['inbound:list', { status: 'failed', limit: 50 }],
      ['inbound:get', { inboundId: 3 }],
      ['inbound:retry', { clientId: 'client-1', inboundId: 3 }],
    ]);
  });

  it('pass the server’s answer or refusal through as it came', async () => {
    expect(await setup(true, err('forbidden', 'Leads and admins only.')).mail.listInboundMail({ limit: 50 })).toEqual(err('forbidden', 'Leads and admins only.'));
  });

  it('answer offline at once without asking, connected or never signed in', async () => {
    const { mail, engine } = setup(false);
    for (const r of await Promise.all([mail.listTicketMail({ ticketId: 1 }), mail.listInboundMail({ limit: 50 }), mail.getInboundMail({ inboundId: 1 }), mail.retryInboundMail({ inboundId: 1 })])) {
      expect(r).toEqual(err('offline', MAIL_OFFLINE));
    }
    expect(engine.request).not.toHaveBeenCalled();
    expect(await createInboundMailQueries({ engine: () => null }).getInboundMail({ inboundId: 1 })).toEqual(err('offline', MAIL_OFFLINE));
  });
});
