// Starts the email channel of a node: processes what an earlier run accepted but did not finish, then (when
// INBOUND_SMTP_PORT is set) the SMTP listener, whose recipients are the departments' addresses as they are now.
import { readFile } from 'node:fs/promises';
import type { ServerContext } from '../context';
import { recordAcceptedMail } from '../db/inbound-mail';
import { listDepartments } from '../db/departments';
import { addressMapFromDepartments } from './address-map';
import type { InboundProcessor } from './inbound-processor';
import { startInboundListener, type InboundListener } from './smtp-listener';

export interface InboundMail {
  /** The listener's bound port; null: no listener. */
  port: number | null;
  /** Closes the listener (once; later calls wait for the same close). */
  stopAccepting(): Promise<void>;
}

export async function startInboundMail(ctx: ServerContext, processor: InboundProcessor): Promise<InboundMail> {
  // In the background: a long backlog must not hold up the start; the processor tracks it for stop().
  processor.processWaitingInBackground();
  const cfg = ctx.config.inbound;
  if (!cfg) return { port: null, stopAccepting: () => Promise.resolve() };
  const tls = cfg.tls ? { key: await readFile(cfg.tls.keyFile), cert: await readFile(cfg.tls.certFile) } : null;
  const listener: InboundListener = await startInboundListener(
    {
      host: cfg.host,
      port: cfg.port,
      maxBytes: cfg.maxBytes,
      tls,
      now: () => ctx.clock.now(),
      // Read per RCPT (a handful of rows): a department's address added or changed in the console applies at once, on every node.
      addresses: async () => addressMapFromDepartments(await listDepartments(ctx.db)),
    },
    { store: (mail) => ctx.writes.run((trx) => recordAcceptedMail(trx, mail)), process: (id) => processor.processInBackground(id) },
  );
  ctx.log.info({ port: listener.port, host: cfg.host, tls: tls !== null }, 'inbound SMTP listener started');
  let closing: Promise<void> | null = null;
  return {
    port: listener.port,
    stopAccepting: () => (closing ??= listener.close()),
  };
}
