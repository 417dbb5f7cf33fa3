// The real server with its inbound SMTP listener on 127.0.0.1:0, a nodemailer client that sends to it, and readers
// for what came of it (inbound rows, the .eml files the file outbox wrote).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { simpleParser, type ParsedMail } from 'mailparser';
import { startServer, type StartServerOptions, type TestServer } from '../../../support/start-server';
import { listInboundMail, type InboundMailSummary } from '../../../../src-server/db/inbound-mail';
import { listMailsForTicket, type OutboxMail } from '../../../../src-server/db/mail-outbox';

/** A 1×1 PNG: an attachment every upload rule accepts. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export interface InboundHarness {
  server: TestServer;
  /** Sends through the listener and waits until the server processed what it accepted. */
  send(mail: Mail.Options): Promise<void>;
  /** Inbound rows, oldest first. */
  inbound(): Promise<InboundMailSummary[]>;
  /** Sends what is queued (file outbox) and parses every .eml written so far. */
  outgoing(): Promise<ParsedMail[]>;
  outbox(ticketId: number): Promise<OutboxMail[]>;
}

export async function startInboundServer(opts: StartServerOptions = {}): Promise<InboundHarness> {
  const server = await startServer({ ...opts, env: { INBOUND_SMTP_PORT: '0', INBOUND_SMTP_HOST: '127.0.0.1', ...opts.env } });
  const port = server.app.inboundSmtpPort;
  if (port === null) throw new Error('no inbound listener');
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return {
    server,
    async send(mail) {
      await transport.sendMail(mail);
      await server.app.inboundIdle();
    },
    inbound: async () => (await listInboundMail(server.app.ctx.db, { last: 100 })).reverse(),
    async outgoing() {
      await server.app.runMailNow();
      const dir = join(server.dataDir, 'outbox');
      const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.eml')).sort();
      return Promise.all(names.map(async (n) => simpleParser(await readFile(join(dir, n)))));
    },
    outbox: (ticketId) => listMailsForTicket(server.app.ctx.db, ticketId),
  };
}

/** A header of a parsed mail as text ('' when absent). */
export function header(mail: ParsedMail, name: string): string {
  const v = mail.headers.get(name.toLowerCase());
  if (v === undefined) return '';
  return typeof v === 'string' ? v : Array.isArray(v) ? v.join(' ') : JSON.stringify(v);
}

export const addressesOf = (mail: ParsedMail): string[] =>
  (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));
