// Sending email: SMTP through nodemailer when SMTP_URL is set, else each mail written to DATA_DIR/outbox/*.eml. One call = one attempt; the mail outbox (mail-delivery.ts) decides when.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { MailKind } from '../../src-shared/mail-delivery';

export interface OutgoingMail {
  /** `ticket_update`: automation mails (reminders, auto-solved notices; src-server/automation/automation-mail.ts). */
  /** `incident_resolved`: to linked requesters; `account_management`: Redirect resolutions (DESIGN.md §3). */
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  ticketId: number | null;
  /** The same on every attempt of one outbox row (mail-delivery.ts), so a receiving system can drop a repeat. */
  messageId?: string;
  /** The signed reply address (ticket-mail-headers.ts); null or absent: replies go to MAIL_FROM. */
  replyTo?: string | null;
  /** Threading headers, "<…>" ids. */
  inReplyTo?: string | null;
  references?: readonly string[];
  /** One-click unsubscribe URL: sent as List-Unsubscribe with List-Unsubscribe-Post (RFC 8058). */
  listUnsubscribe?: string | null;
}

/** The nodemailer message both transports send: threading and reply headers, and the ticket a mail is about. */
export function messageOptions(from: string, mail: OutgoingMail): SendMailOptions {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
    ...(mail.references && mail.references.length > 0 ? { references: [...mail.references] } : {}),
    ...(mail.ticketId !== null || mail.listUnsubscribe ? { headers: mailHeaders(mail) } : {}),
  };
}

function mailHeaders(mail: OutgoingMail): Record<string, string> {
  return {
    // Marks our own mail: an auto-reply that echoes it, or a loop back into the listener, is recognised (mail-classifier.ts).
    ...(mail.ticketId !== null ? { 'X-Switchboard-Ticket': String(mail.ticketId) } : {}),
    // The POST header tells mail programs the URL unsubscribes on a bare POST, so no link-scanner GET can do it.
    ...(mail.listUnsubscribe ? { 'List-Unsubscribe': `<${mail.listUnsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
  };
}

export interface MailDelivery {
  status: 'sent' | 'written';
  fileName: string | null;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<MailDelivery>;
  close(): void;
}

export function createMailer(opts: { smtpUrl: string | null; from: string; dataDir: string }): Mailer {
  if (opts.smtpUrl) {
    // Bounded waits: a send must end well inside the outbox's claim lease (mail-delivery.ts), or another node
    // could take the row over while this one is still talking to the server, and the mail would go out twice.
    const transport = nodemailer.createTransport({ url: opts.smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
    return {
      async send(mail) {
        await transport.sendMail(messageOptions(opts.from, mail));
        return { status: 'sent', fileName: null };
      },
      close: () => transport.close(),
    };
  }
  // The embedded default: nodemailer renders the RFC 822 message and we keep it as a file for an operator to inspect.
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const outbox = join(opts.dataDir, 'outbox');
  return {
    async send(mail) {
      const info = await transport.sendMail(messageOptions(opts.from, mail));
      await mkdir(outbox, { recursive: true });
      const fileName = `${Date.now()}-${randomUUID()}.eml`;
      await writeFile(join(outbox, fileName), info.message as Buffer);
      return { status: 'written', fileName };
    },
    close: () => transport.close(),
  };
}
