// `npm run server`: reads the environment, builds the app with real dependencies, drains on SIGTERM and stops on SIGINT.
import pino from 'pino';
import { loadConfig } from './config';
import { systemClock } from './clock';
import { openDatabase } from './db/connection';
import { createMailer } from './email/mailer';
import { createApp } from './app';

const loaded = loadConfig();
if (!loaded.ok) {
  console.error(loaded.message);
  process.exit(1);
}
const config = loaded.config;
const log = pino({ level: config.logLevel, redact: ['req.headers.authorization', '*.password', '*.token', '*.accessToken', '*.refreshToken'] });

const db = openDatabase(config);
const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir });
const app = await createApp({ config, db, clock: systemClock, mailer, log, seedAccounts: true });

try {
  const { url, seeded } = await app.start();
  for (const a of seeded) {
    // Printed once, on the terminal only (never logged): the database keeps just the scrypt hash.
    process.stdout.write(`\nDemo ${a.role} account created: ${a.email} / ${a.password}\n`);
  }
  if (seeded.length > 0) process.stdout.write('Store these passwords now; they are not shown again.\n\n');
  process.stdout.write(`Switchboard server on ${url} (support page: ${config.publicUrl}/support)\n`);
} catch (e) {
  log.fatal({ err: e }, 'failed to start');
  // Said on the terminal whatever LOG_LEVEL is: a server that does not start must say why.
  console.error(`Switchboard server failed to start: ${e instanceof Error ? e.message : String(e)}`);
  await app.stop().catch(() => undefined);
  process.exit(1);
}

let signalled = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (signalled) return;
    signalled = true;
    log.info({ signal }, 'shutting down');
    // SIGTERM (an orchestrator) drains: /ready 503, DRAIN_DELAY_MS for the balancer, then stop, within DRAIN_TIMEOUT_MS.
    // SIGINT (Ctrl-C at a terminal) stops at once.
    const stopped = signal === 'SIGTERM' ? app.drain() : app.stop().then(() => 'drained' as const);
    stopped.then(
      (outcome) => process.exit(outcome === 'drained' ? 0 : 1),
      (e: unknown) => {
        log.error({ err: e }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
