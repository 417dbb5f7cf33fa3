// Sending email: SMTP through nodemailer when SMTP_URL is set, else each mail written to DATA_DIR/outbox/*.eml; both recorded in mail_log.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  /** `ticket_update`: automation mails (reminders, auto-solved notices; src-server/automation/automation-mail.ts). */
  /** `incident_resolved`: to linked requesters; `account_management`: Redirect resolutions (DESIGN.md §3). */
  kind: 'chat_recap' | 'email_ack' | 'ticket_update' | 'incident_resolved' | 'account_management';
  to: string;
  subject: string;
  text: string;
  ticketId: number | null;
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
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({ from: opts.from, to: mail.to, subject: mail.subject, text: mail.text });
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
      const info = await transport.sendMail({ from: opts.from, to: mail.to, subject: mail.subject, text: mail.text });
      await mkdir(outbox, { recursive: true });
      const fileName = `${Date.now()}-${randomUUID()}.eml`;
      await writeFile(join(outbox, fileName), info.message as Buffer);
      return { status: 'written', fileName };
    },
    close: () => transport.close(),
  };
}
