// startHaproxy(): the real deploy/haproxy.cfg in front of 1–3 test nodes, on a free loopback port, for balancer tests.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port';

/** Debian's binary first; the others are where other installs put it. */
export const HAPROXY_BIN: string = ['/usr/sbin/haproxy', '/usr/bin/haproxy', '/usr/local/sbin/haproxy'].find((p) => existsSync(p)) ?? '/usr/sbin/haproxy';

const CONFIG = join(process.cwd(), 'deploy', 'haproxy.cfg');

/** Why a balancer test cannot run here, or null when it can. */
export function haproxyUnavailableReason(): string | null {
  return existsSync(HAPROXY_BIN) ? null : `haproxy not found at ${HAPROXY_BIN}`;
}

export interface TestHaproxy {
  url: string;
  port: number;
  /** Everything HAProxy printed so far: its alerts and one log line per request (`nodes/node2 … "GET /…"`). */
  output(): string;
  /** Stops the balancer and resolves once the process has exited. */
  stop(): Promise<void>;
}

/**
 * Starts `haproxy -db -f deploy/haproxy.cfg` with the cfg's environment interface and resolves once a request to
 * /ready went through it to a node and came back 200. Node i of `nodes` is the cfg's `node<i+1>`; the cfg leaves
 * out node2 and node3 when their variables are unset, which is how fewer than three nodes are run.
 */
export async function startHaproxy(opts: { nodes: { host: string; port: number }[]; timeoutMs?: number }): Promise<TestHaproxy> {
  if (opts.nodes.length < 1 || opts.nodes.length > 3) throw new Error(`deploy/haproxy.cfg has 1 to 3 nodes, not ${opts.nodes.length}`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // A clean environment: SWITCHBOARD_NODE2/3 inherited from the shell would add nodes the test did not start.
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', SWITCHBOARD_LB_BIND: `127.0.0.1:${port}` };
  opts.nodes.forEach((n, i) => (env[`SWITCHBOARD_NODE${i + 1}`] = `${n.host.includes(':') ? `[${n.host}]` : n.host}:${n.port}`));
  const child = spawn(HAPROXY_BIN, ['-db', '-f', CONFIG], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr.on('data', (d: Buffer) => (text += d.toString()));
  let exitCode: number | string | null = null;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exitCode = code ?? signal ?? -1;
      resolve();
    }),
  );
  child.once('error', (e) => (text += `\n${e.message}`));

  const stop = async () => {
    if (exitCode === null) {
      // -db: SIGTERM stops at once (SIGUSR1 would wait for open connections, which tests keep open).
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(kill);
    }
  };

  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  for (;;) {
    if (exitCode !== null) throw new Error(`haproxy exited (${String(exitCode)}) before it forwarded /ready:\n${text}`);
    const status = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(2_000) }).then(
      async (r) => {
        await r.body?.cancel();
        return r.status;
      },
      () => 0,
    );
    if (status === 200) return { url, port, output: () => text, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`haproxy did not forward /ready with 200 (last status ${status}):\n${text}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
