// `npm run admin -- backup <file>` while the server keeps committing: a consistent copy, and never an overwrite.
import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import type { VisitorChatState } from '../../../src-shared/protocol/visitor';
import { saveCommandResult } from '../../../src-server/db/command-results';
import { startServer, type TestServer } from '../../support/start-server';
import { callOk } from '../../support/socket-clients';

const run = promisify(execFile);
let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** The admin CLI as an operator runs it: its own process, next to the running server. */
function admin(dataDir: string, ...args: string[]) {
  return run(join(process.cwd(), 'node_modules', '.bin', 'tsx'), ['src-server/admin-cli.ts', ...args], { env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir } }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe('admin backup', () => {
  it('copies the database consistently while writes are committing, and the copy opens with its rows', async () => {
    server = await startServer();
    await server.connectSpecialist();
    const v = await server.connectVisitor();
    await callOk<VisitorChatState>(v.socket, 'chat:request', { clientId: randomUUID(), email: 'b@example.com', departmentId: 'technical', question: 'Backed up?' });
    await callOk(v.socket, 'message:send', { clientId: randomUUID(), body: 'a message that must be in the copy' });

    // A steady stream of commits through the server's own write queue for the whole backup.
    let writing = true;
    let committed = 0;
    const { writes } = server.app.ctx;
    const writer = (async () => {
      while (writing) {
        await writes.run((trx) => saveCommandResult(trx, `load-${committed}`, committed, 0));
        committed++;
      }
    })();
    while (committed < 50) await new Promise((r) => setTimeout(r, 5));
    const before = committed;
    const target = join(server.dataDir, 'copy.db');
    const res = await admin(server.dataDir, 'backup', target);
    const after = committed;
    writing = false;
    await writer;

    expect(res).toMatchObject({ code: 0 });
    expect(res.stdout).toContain(`backup written to ${target}`);
    expect(after).toBeGreaterThan(before);
    const copy = new SQLite(target, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = (copy.prepare(`select count(*) as n from command_results where key like 'load-%'`).get() as { n: number }).n;
      expect(rows).toBeGreaterThanOrEqual(before);
      expect(rows).toBeLessThanOrEqual(after);
      expect(copy.prepare('select body from messages where body = ?').get('a message that must be in the copy')).toBeTruthy();
    } finally {
      copy.close();
    }
  }, 60_000);

  it('refuses to overwrite an existing file and leaves it untouched', async () => {
    server = await startServer();
    const target = join(server.dataDir, 'precious.txt');
    await writeFile(target, 'keep me');
    const res = await admin(server.dataDir, 'backup', target);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('exists; backup never overwrites a file');
    expect(await readFile(target, 'utf8')).toBe('keep me');
  }, 30_000);
});
