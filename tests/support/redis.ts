// A throwaway redis-server on 127.0.0.1 for scale-out tests (socket.io Redis streams adapter); it can be stopped and
// started again on the same port, so a test can take Redis away from running nodes and give it back.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from './free-port';

export const REDIS_BIN = '/usr/bin/redis-server';

export function redisUnavailableReason(): string | null {
  return existsSync(REDIS_BIN) ? null : `redis-server not found at ${REDIS_BIN}`;
}

export interface TestRedis {
  url: string;
  port: number;
  /** Stops the server (SIGTERM) and resolves once it has exited; nothing is saved, a restart starts empty. */
  stop(): Promise<void>;
  /** Starts it again on the same port (after stop()); resolves once it accepts connections. */
  start(): Promise<void>;
}

function spawnRedis(port: number): Promise<ChildProcess> {
  const child: ChildProcess = spawn(REDIS_BIN, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise<ChildProcess>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server on port ${port} exited with ${code} before it was ready`)));
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('Ready to accept connections')) resolve(child);
    });
  });
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | null = await spawnRedis(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null || running.signalCode !== null) return Promise.resolve();
      return new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGTERM');
      });
    },
    async start() {
      if (child) throw new Error('redis-server is already running');
      child = await spawnRedis(port);
    },
  };
}
