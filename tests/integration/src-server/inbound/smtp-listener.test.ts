import { afterEach, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import type { AcceptedMail } from '../../../../src-server/db/inbound-mail';
import { addressMapFromDepartments } from '../../../../src-server/inbound/address-map';
import { startInboundListener, type InboundListener } from '../../../../src-server/inbound/smtp-listener';

const map = addressMapFromDepartments([
  { id: 'technical', email: 'tech@support.example.com' },
  { id: 'finance', email: 'billing@support.example.com' },
]);

let listener: InboundListener | null = null;
afterEach(async () => {
  await listener?.close();
  listener = null;
});

async function start(store: (m: AcceptedMail) => Promise<number>, processed: number[] = []) {
  listener = await startInboundListener({ host: '127.0.0.1', port: 0, maxBytes: 10_000, addresses: () => Promise.resolve(map), tls: null, now: () => 7 }, { store, process: (id) => processed.push(id) });
  return nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });
}

describe('inbound SMTP listener', () => {
  it('stores a mail to a mapped address (plus-tags too) before answering 250, then hands it to processing', async () => {
    const stored: AcceptedMail[] = [];
    const processed: number[] = [];
    const t = await start(async (m) => (stored.push(m), 41), processed);
    const info = await t.sendMail({ from: 'ann@customer.example', to: 'Tech+t4.x@support.example.com', subject: 'Printer', text: 'It jams.' });
    expect(info.response).toMatch(/^250 .*Queued as 41/);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ receivedAt: 7, envelopeFrom: 'ann@customer.example', envelopeTo: 'Tech+t4.x@support.example.com', departmentId: 'technical' });
    expect(stored[0]?.raw.toString()).toContain('It jams.');
    expect(processed).toEqual([41]);
  });
  it('refuses an unmapped address at RCPT with 550 and stores nothing', async () => {
    const stored: AcceptedMail[] = [];
    const t = await start(async (m) => (stored.push(m), 1));
    await expect(t.sendMail({ from: 'ann@customer.example', to: 'sales@support.example.com', subject: 's', text: 't' })).rejects.toMatchObject({ responseCode: 550 });
    expect(stored).toEqual([]);
  });
  it('refuses an oversized mail and stores nothing', async () => {
    const stored: AcceptedMail[] = [];
    const t = await start(async (m) => (stored.push(m), 1));
    // nodemailer does not honour the advertised SIZE, so this exercises the check at the end of DATA.
    await expect(t.sendMail({ from: 'ann@customer.example', to: 'tech@support.example.com', subject: 's', text: 'x'.repeat(20_000) })).rejects.toMatchObject({ responseCode: 552 });
    expect(stored).toEqual([]);
  });
  it('answers 451 (retry later) when the mail cannot be stored, and does not process it', async () => {
    const processed: number[] = [];
    const t = await start(() => Promise.reject(new Error('disk full')), processed);
    await expect(t.sendMail({ from: 'ann@customer.example', to: 'tech@support.example.com', subject: 's', text: 't' })).rejects.toMatchObject({ responseCode: 451 });
    expect(processed).toEqual([]);
  });
});
