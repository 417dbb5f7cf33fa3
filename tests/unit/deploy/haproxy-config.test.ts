// deploy/haproxy.cfg is what `npm run cluster` and real deployments run: HAProxy itself checks it here, and the
// parts the cluster depends on (stickiness for socket.io polling, /ready health checks, long WebSocket tunnels)
// are asserted so a careless edit fails.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

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
    expect(() => execFileSync(HAPROXY!, ['-c', '-q', '-f', '/dev/stdin'], { env, input: cfg.replace('balance roundrobin', 'balance nonsense'), stdio: 'pipe' })).toThrow();
  });

  it('keeps socket.io polling sessions on one node and sends traffic only to ready nodes', () => {
    expect(cfg).toMatch(/^\s*cookie SWITCHBOARD_NODE insert/m);
    expect(cfg).toMatch(/^\s*option httpchk GET \/ready/m);
    expect(cfg).toMatch(/^\s*timeout tunnel \S+/m);
    for (const n of [1, 2, 3]) expect(cfg).toMatch(new RegExp(`^\\s*server node${n} "\\$\\{SWITCHBOARD_NODE${n}\\}" cookie n${n}`, 'm'));
  });
});
