// A throwaway PostgreSQL cluster on 127.0.0.1 for tests: initdb into a temp dir (as the postgres user when we are root).
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

const run = promisify(execFile);
/** The newest installed PostgreSQL's binaries (Debian layout: /usr/lib/postgresql/<major>/bin). */
export const PG_BIN = ((): string => {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((d) => /^\d+$/.test(d) && existsSync(join(root, d, 'bin', 'initdb'))) : [];
  const newest = majors.sort((a, b) => Number(b) - Number(a))[0] ?? '15';
  return join(root, newest, 'bin');
})();

export interface TestPostgres {
  url: string;
  stop(): Promise<void>;
}

/** Why a Postgres test cannot run here, or null when it can. */
export function postgresUnavailableReason(): string | null {
  if (!existsSync(join(PG_BIN, 'initdb'))) return `PostgreSQL binaries not found in ${PG_BIN}`;
  if (userInfo().uid === 0) {
    if (!existsSync('/usr/sbin/runuser')) return 'running as root without runuser to drop to the postgres user';
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    } catch {
      return 'running as root and there is no postgres user to run initdb as';
    }
  }
  return null;
}

export async function startPostgres(): Promise<TestPostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-pg-'));
  const asRoot = userInfo().uid === 0;
  // initdb refuses to run as root; the cluster belongs to the postgres user then.
  const exec = (bin: string, args: string[]) => (asRoot ? run('/usr/sbin/runuser', ['-u', 'postgres', '--', join(PG_BIN, bin), ...args]) : run(join(PG_BIN, bin), args));
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = join(dir, 'data');
  await exec('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  await exec('pg_ctl', ['-D', data, '-w', '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await exec('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
