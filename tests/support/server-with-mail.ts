// A test server that mails through a real SMTP sink, for tests that read the emails the server sends.
import { startServer, type StartServerOptions, type TestServer } from './start-server';
import { smtpSink, type SmtpSink } from './smtp-sink';

export interface ServerWithMail {
  server: TestServer;
  sink: SmtpSink;
  /** Stops the server first, so no mail is in flight when the sink closes. */
  stop(): Promise<void>;
}

export async function startServerWithMail(options: Omit<StartServerOptions, 'smtpUrl'> = {}): Promise<ServerWithMail> {
  const sink = await smtpSink();
  const server = await startServer({ ...options, smtpUrl: sink.url });
  return {
    server,
    sink,
    async stop() {
      await server.stop();
      await sink.close();
    },
  };
}
