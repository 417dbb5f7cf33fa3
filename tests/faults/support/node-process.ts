// One support-server node as a real process of the built server (dist/server/main.js) on a fixed port, so it can
// be killed with SIGKILL and started again where the balancer and its clients expect it.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = join(ROOT, 'dist/server/main.js');

export interface NodeProcess {
  readonly name: string;
  readonly port: number;
  readonly url: string;
  /** Running now (started and not killed or stopped). */
  alive(): boolean;
  /** `kill -9`: no drain, no release of leases or claims, writes in flight cut off. */
  kill9(): Promise<void>;
  start(): Promise<void>;
  /** SIGINT: stops at once but cleanly (leases released). */
  stop(): Promise<void>;
  /** The last 20 kB this node printed, across restarts. */
  output(): string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function nodeProcess(name: string, port: number, env: Record<string, string>): NodeProcess {
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let text = '';
  const keep = (d: Buffer) => (text = (text + d.toString()).slice(-20_000));
  const url = `http://127.0.0.1:${port}`;

  async function waitReady(deadline: number): Promise<void> {
    while (Date.now() < deadline) {
      if (child === null || child.exitCode !== null) throw new Error(`${name} exited while starting:\n${text.slice(-4000)}`);
      const ok = await fetch(`${url}/ready`).then((r) => r.ok, () => false);
      if (ok) return;
      await sleep(100);
    }
    throw new Error(`${name} not ready within 60 s:\n${text.slice(-4000)}`);
  }

  return {
    name,
    port,
    url,
    alive: () => child !== null && child.exitCode === null && child.signalCode === null,
    async start() {
      text += `\n--- ${name} starting at ${new Date().toISOString()}\n`;
      const c = spawn(process.execPath, [MAIN], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = c;
      c.stdout?.on('data', keep);
      c.stderr?.on('data', keep);
      exited = new Promise((resolve) => c.once('exit', () => resolve()));
      await waitReady(Date.now() + 60_000);
    },
    async kill9() {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      text += `\n--- ${name} killed (SIGKILL) at ${new Date().toISOString()}\n`;
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const c = child;
      const force = setTimeout(() => c.kill('SIGKILL'), 15_000);
      c.kill('SIGINT');
      await exited;
      clearTimeout(force);
    },
    output: () => text,
  };
}
