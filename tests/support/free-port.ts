// A free TCP port on 127.0.0.1, for test servers (PostgreSQL, Redis) that must be told their port up front.
import { createServer } from 'node:net';

/** Asks the OS for a port by listening on 0, then releases it for the caller's server. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
