// INBOUND_TLS_KEY / INBOUND_TLS_CERT: the server reads the PEM files at start and the listener offers STARTTLS.
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { startServer, type TestServer } from '../../../support/start-server';
import { listInboundMail } from '../../../../src-server/db/inbound-mail';

// A throwaway self-signed certificate needs the openssl command; a machine without it skips this one test.
const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let server: TestServer | null = null;
let dir: string | null = null;
afterEach(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  server = null;
  dir = null;
});

describe('inbound STARTTLS', () => {
  it.skipIf(!hasOpenssl)('offers STARTTLS with the configured key and certificate and accepts mail over it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchboard-tls-'));
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
    server = await startServer({ env: { INBOUND_SMTP_PORT: '0', INBOUND_TLS_KEY: key, INBOUND_TLS_CERT: cert } });
    const port = server.app.inboundSmtpPort ?? 0;
    // requireTLS: the send fails unless the listener advertises STARTTLS and the handshake succeeds.
    const t = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, requireTLS: true, tls: { rejectUnauthorized: false } });
    await t.sendMail({ from: 'ann@customer.example', to: 'tech@support.example.com', subject: 'Over TLS', text: 'Encrypted.' });
    await server.app.inboundIdle();
    const [row] = await listInboundMail(server.app.ctx.db, { last: 1 });
    expect(row).toMatchObject({ status: 'processed', subject: 'Over TLS' });
  });

  it('without the files the listener does not offer STARTTLS', async () => {
    server = await startServer({ env: { INBOUND_SMTP_PORT: '0' } });
    const t = nodemailer.createTransport({ host: '127.0.0.1', port: server.app.inboundSmtpPort ?? 0, secure: false, requireTLS: true });
    await expect(t.sendMail({ from: 'ann@customer.example', to: 'tech@support.example.com', subject: 's', text: 't' })).rejects.toThrow(/STARTTLS/i);
  });
});
