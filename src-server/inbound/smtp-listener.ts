// The inbound SMTP listener: refuses unmapped recipients and oversized mail, and stores every accepted mail before answering 250.
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { AcceptedMail } from '../db/inbound-mail';
import { checkRecipient, type InboundAddressMap } from './address-map';

export interface InboundListenerOptions {
  host: string;
  /** 0: any free port (tests). */
  port: number;
  maxBytes: number;
  /** The current map, asked on every RCPT, so a department's new or changed address takes effect at once. */
  addresses: () => Promise<InboundAddressMap>;
  /** PEM key and certificate: STARTTLS offered; null: STARTTLS disabled. */
  tls: { key: Buffer; cert: Buffer } | null;
  now: () => number;
}

export interface InboundListenerDeps {
  /** Durably records the mail (status 'received'); the 250 waits for it. */
  store: (mail: AcceptedMail) => Promise<number>;
  /** Starts processing a stored mail; must not throw (its failure is recorded on the row, the mail is already safe). */
  process: (id: number) => void;
}

export interface InboundListener {
  port: number;
  close(): Promise<void>;
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

export async function startInboundListener(opts: InboundListenerOptions, deps: InboundListenerDeps): Promise<InboundListener> {
  const departments = new Map<string, string>();
  const tlsOptions: Partial<SMTPServerOptions> = opts.tls ? { key: opts.tls.key, cert: opts.tls.cert } : { disabledCommands: ['STARTTLS'] };
  const server = new SMTPServer({
    ...tlsOptions,
    authOptional: true,
    // Advertised in EHLO so a well-behaved client refuses to send an oversized mail at all; checked again at the end.
    size: opts.maxBytes,
    banner: 'Switchboard inbound mail',
    // On close, open sessions get this long to finish (new commands are answered 421, so senders retry later):
    // well inside DRAIN_TIMEOUT_MS, where smtp-server's 30 s default would not be.
    closeTimeout: 5_000,
    onRcptTo(address, session, callback) {
      opts.addresses().then(
        (map) => {
          const verdict = checkRecipient(map, address.address);
          if (!verdict.accept) return callback(smtpError(550, verdict.reason));
          // One mail becomes one ticket in one department: the first accepted recipient decides it.
          if (!departments.has(session.id)) departments.set(session.id, verdict.departmentId);
          callback();
        },
        // The database is away: a temporary refusal, so the sending server tries again later.
        () => callback(smtpError(451, 'Temporary failure looking up the recipient, try again later')),
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const departmentId = departments.get(session.id);
        departments.delete(session.id);
        // smtp-server stops counting but keeps reading past `size`; the flag is the only sign the mail was cut.
        if (stream.sizeExceeded) return callback(smtpError(552, `Message exceeds the ${opts.maxBytes} byte limit`));
        if (departmentId === undefined) return callback(smtpError(503, 'No accepted recipient'));
        const from = session.envelope.mailFrom;
        const mail: AcceptedMail = {
          receivedAt: opts.now(),
          envelopeFrom: from ? from.address : '',
          envelopeTo: session.envelope.rcptTo.map((r) => r.address).join(', '),
          departmentId,
          raw: Buffer.concat(chunks),
        };
        deps.store(mail).then(
          (id) => {
            callback(null, `Queued as ${id}`);
            deps.process(id);
          },
          // Not stored, so not accepted: a temporary failure makes the sending server retry later.
          () => callback(smtpError(451, 'Temporary failure storing the message, try again later')),
        );
      });
    },
    onClose(session) {
      departments.delete(session.id);
    },
  });
  server.on('error', () => {
    // Connection-level errors (a client dropping mid-command) are the client's problem; the listener keeps running.
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : opts.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
