// deploy/haproxy.cfg is what `npm run cluster` and real deployments run: HAProxy itself checks it here, and the
// parts the cluster depends on (stickiness for socket.io polling by routing key and cookie, retries on another
// node, /ready health checks, long WebSocket tunnels) are asserted so a careless edit fails. What they do is
// shown with real nodes in tests/integration/deploy/haproxy.test.ts.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HAPROXY = ['/usr/sbin/haproxy', '/usr/bin/haproxy'].find((p) => existsSync(p)) ?? null;
const cfg = readFileSync('deploy/haproxy.cfg', 'utf8');
const env = {
  ...process.env,
  SWITCHBOARD_LB_BIND: '127.0.0.1:14080',
  SWITCHBOARD_NODE1: '127.0.0.1:14081',
  SWITCHBOARD_NODE2: '127.0.0.1:14082',
  SWITCHBOARD_NODE3: '127.0.0.1:14083',
};

describe('deploy/haproxy.cfg', () => {
  it.skipIf(HAPROXY === null)(`is accepted by HAProxy's own check${HAPROXY ? '' : ' (skipped: haproxy is not installed)'}`, () => {
    expect(() => execFileSync(HAPROXY!, ['-c', '-q', '-f', 'deploy/haproxy.cfg'], { env, stdio: 'pipe' })).not.toThrow();
  });

  it.skipIf(HAPROXY === null)(`is refused by HAProxy when broken, so the check has teeth${HAPROXY ? '' : ' (skipped: haproxy is not installed)'}`, () => {
    // A file, not /dev/stdin: that cannot be opened when stdin is a socket (some CI sandboxes), which made this
    // test pass for the wrong reason. The unbroken copy must pass, so a refusal is the edit's doing.
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-haproxy-'));
    const check = (text: string) => {
      writeFileSync(join(dir, 'haproxy.cfg'), text);
      execFileSync(HAPROXY!, ['-c', '-q', '-f', join(dir, 'haproxy.cfg')], { env, stdio: 'pipe' });
    };
    try {
      const broken = cfg.replace(/^(\s*balance) .*$/m, '$1 nonsense');
      expect(broken).not.toBe(cfg);
      expect(() => check(broken)).toThrow();
      expect(() => check(cfg)).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(HAPROXY === null)(`accepts one or two nodes (NODE2, NODE3 unset) but not none${HAPROXY ? '' : ' (skipped: haproxy is not installed)'}`, () => {
    const only = (...n: number[]) => {
      const e: Record<string, string | undefined> = { ...env };
      for (const i of [1, 2, 3]) if (!n.includes(i)) delete e[`SWITCHBOARD_NODE${i}`];
      return e;
    };
    for (const nodes of [[1], [1, 2]]) expect(() => execFileSync(HAPROXY!, ['-c', '-q', '-f', 'deploy/haproxy.cfg'], { env: only(...nodes), stdio: 'pipe' })).not.toThrow();
    expect(() => execFileSync(HAPROXY!, ['-c', '-q', '-f', 'deploy/haproxy.cfg'], { env: only(), stdio: 'pipe' })).toThrow();
  });

  it('keeps socket.io polling sessions on one node by the clients\' routing key or the cookie', () => {
    expect(cfg).toMatch(/^\s*balance url_param sb\s*$/m);
    // Consistent: a node going away moves only its own keys.
    expect(cfg).toMatch(/^\s*hash-type consistent\s*$/m);
    expect(cfg).toMatch(/^\s*cookie SWITCHBOARD_NODE insert/m);
  });

  it('retries a refused connection on another node at once and sends traffic only to ready nodes', () => {
    expect(cfg).toMatch(/^\s*retries [1-9]\s*$/m);
    expect(cfg).toMatch(/^\s*option redispatch 1\s*$/m);
    expect(cfg).toMatch(/^\s*option httpchk GET \/ready/m);
    expect(cfg).toMatch(/^\s*timeout tunnel \S+/m);
    for (const n of [1, 2, 3]) expect(cfg).toMatch(new RegExp(`^\\s*server node${n} "\\$\\{SWITCHBOARD_NODE${n}\\}" cookie n${n}`, 'm'));
  });
});
