// `npm run admin -- <command>`: manage departments, accounts and the audit trail in the configured database. Every
// change goes through the same services as the console's (src-server/admin/), audited as "command line"; running
// servers pick it up from the event log within a few seconds (sockets/log-head-watcher.ts).
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { loadConfig } from './config';
import { systemClock } from './clock';
import { openDatabase, sqliteFile, type DbHandle } from './db/connection';
import { backupSqlite } from './db/backup';
import { migrate } from './db/migrations';
import { WriteQueue } from './db/write-queue';
import { listDepartments } from './db/departments';
import { findSpecialistByEmail, listSpecialists } from './db/specialists';
import { listLoginFailures } from './db/login-attempts';
import { listInboundMail, type InboundMailStatus } from './db/inbound-mail';
import { listAuditEntries } from './db/admin-audit';
import { seedIfEmpty } from './seed';
import { COMMAND_LINE, noEffects, type AdminDeps } from './admin/admin-deps';
import { changeDepartment, createDepartment, reorderDepartments } from './admin/department-admin';
import { createSpecialistAccount, resetPassword, updateSpecialist } from './admin/specialist-admin';
import { addHoliday, fieldsPatch, parseHours, removeHoliday, setHours } from './admin/schedule-edits';
import { departmentCreateSchema, type Department, type DepartmentPatch } from '../src-shared/department';
import { specialistCreateSchema, specialistPatchSchema, type AdminAuditEntry } from '../src-shared/admin';
import { emailSchema } from '../src-shared/ids';
import { parseWith, type Result } from '../src-shared/result';

const USAGE = `Usage: npm run admin -- <command> [options]

  list
  create-department --id av-media --name "AV Media" [--description ""] [--zone America/New_York]
                    [--hours "1-5 09:00-19:00"] [--routing auto|pick] [--product lumina] [--greeting "…"]
                    a new department, last in the order; refuses an existing id (use update-department)
  update-department --id x [--name] [--description] [--zone] [--routing] [--product] [--greeting] [--email]
                    changes only the fields given (--zone keeps hours and holidays; --product "" or --email ""
                    clears it; --email is the department's direct address, one per department, no "+")
  set-hours --id x --hours "1-5 09:00-17:00;6 10:00-14:00" [--zone America/New_York]
                    replaces the weekly hours (and zone); holidays stay
  add-holiday --id x --date 2026-12-25        remove-holiday --id x --date 2026-12-25
  reorder-departments --order a,b,c           every department, each once
  create-specialist --email a@b.com --name Dana --role agent|lead|admin --departments a,b
                    [--max 4] [--password secret]   (a password is generated and printed when omitted)
  update-specialist --email a@b.com [--name] [--role] [--departments a,b] [--max N]
                    changes only the fields given; a role or department change reconnects their console
  deactivate-specialist --email a@b.com      signs the account out everywhere and requeues its chats
  reactivate-specialist --email a@b.com
  reset-password --email a@b.com             prints a new generated password once; signs the account out
  audit [--last 20] administrative changes, newest first: time, who, action, target, changes
  login-failures [--last 24]
                    failed logins (newest first, at most 1000): time, account, address
  inbound-mail [--status received|processed|ignored|failed] [--last 50]
                    mails the inbound SMTP listener accepted, newest first: time, id, status, sender,
                    recipient, department, ticket, reason (the raw mail stays in the database)
  backup <file>     online copy of the SQLite database, safe while the server runs; never overwrites <file>
                    (PostgreSQL: use pg_dump, see README)

Changes reach running servers' consoles and customer pages within a few seconds (LOG_HEAD_WATCH_MS).
`;

const out = (s: string) => process.stdout.write(`${s}\n`);

/** A refusal of the command: its message, and exit code 1. */
class Refused extends Error {}

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Refused(r.error.message);
  return r.value;
}

function required(v: string | undefined, flag: string): string {
  if (v === undefined || v === '') throw new Refused(`--${flag} is required`);
  return v;
}

const list = (v: string | undefined): string[] => (v ?? '').split(',').map((x) => x.trim()).filter(Boolean);

const show = (v: unknown): string => (v === null || v === undefined ? '–' : typeof v === 'string' ? v : JSON.stringify(v));

function auditLine(e: AdminAuditEntry): string {
  const changes = e.changes.map((c) => `${c.field}: ${show(c.before)} → ${show(c.after)}`).join('; ');
  return [new Date(e.at).toISOString(), e.actorName, e.action, e.target, changes].join('\t');
}

/** `backup <file>`: before anything opens the database, so it neither migrates nor seeds what it copies. */
async function runBackup(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, strict: true, allowPositionals: true });
  const [target, ...extra] = positionals;
  if (!target || extra.length > 0) {
    console.error('admin: backup needs exactly one target file');
    return 1;
  }
  const loaded = loadConfig();
  if (!loaded.ok) {
    console.error(loaded.message);
    return 1;
  }
  if (loaded.config.databaseUrl) {
    console.error('admin: backup copies the embedded SQLite database; for PostgreSQL use pg_dump (see README, Operations)');
    return 1;
  }
  try {
    const { pages } = await backupSqlite(sqliteFile(loaded.config.dataDir), target);
    out(`backup written to ${target} (${pages} pages)`);
    return 0;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    console.error(code === 'EEXIST' ? `admin: ${target} exists; backup never overwrites a file` : `admin: backup failed: ${(e as Error).message}`);
    return 1;
  }
}

export async function runAdmin(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'backup') return runBackup(rest);
  let values: ReturnType<typeof parseOptions>;
  try {
    values = parseOptions(rest);
  } catch (e) {
    console.error(`admin: ${(e as Error).message}`);
    return 1;
  }
  const loaded = loadConfig();
  if (!loaded.ok) {
    console.error(loaded.message);
    return 1;
  }
  const handle = openDatabase(loaded.config);
  // On PostgreSQL the queue takes the servers' write lock, so the seqs this process logs commit in order with theirs.
  const writes = new WriteQueue(handle.db, false, handle.dialect);
  try {
    await migrate(handle.db, handle.dialect, systemClock.now());
    await seedIfEmpty({ db: handle.db, clock: systemClock }, { demoPassword: null, accounts: false });
    return await runCommand(command, values, { db: handle.db, writes, clock: systemClock, effects: noEffects }, handle);
  } catch (e) {
    console.error(`admin: ${(e as Error).message}`);
    return 1;
  } finally {
    await writes.close();
    await handle.close();
  }
}

function parseOptions(args: string[]) {
  return parseArgs({
    args,
    options: {
      id: { type: 'string' },
      name: { type: 'string' },
      description: { type: 'string' },
      zone: { type: 'string' },
      hours: { type: 'string' },
      routing: { type: 'string' },
      product: { type: 'string' },
      greeting: { type: 'string' },
      date: { type: 'string' },
      order: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      departments: { type: 'string' },
      max: { type: 'string' },
      password: { type: 'string' },
      last: { type: 'string' },
      status: { type: 'string' },
    },
    strict: true,
  }).values;
}

async function runCommand(command: string | undefined, values: ReturnType<typeof parseOptions>, deps: AdminDeps, handle: DbHandle): Promise<number> {
  const clientId = randomUUID();
  const department = (edit: (current: Department) => Result<DepartmentPatch>) =>
    changeDepartment(deps, COMMAND_LINE, { clientId, departmentId: required(values.id, 'id'), edit });
  const specialistId = async () => {
    const email = value(parseWith(emailSchema, required(values.email, 'email'), 'email'));
    const s = await findSpecialistByEmail(handle.db, email);
    if (!s) throw new Refused(`no specialist with email ${email}`);
    return s.id;
  };
  switch (command) {
    case 'list': {
      for (const d of await listDepartments(handle.db)) out(`department ${d.id}\t${d.name}\t${d.routing}\t${d.schedule.zone}`);
      for (const s of await listSpecialists(handle.db)) {
        out(`specialist ${s.email}\t${s.displayName}\t${s.role}\tmax ${s.maxConcurrentChats}\t${s.departmentIds.join(',')}${s.active ? '' : '\tdeactivated'}`);
      }
      return 0;
    }
    case 'create-department': {
      const parsed = value(
        parseWith(
          departmentCreateSchema,
          {
            id: values.id,
            name: values.name,
            description: values.description ?? '',
            schedule: { zone: values.zone ?? 'America/New_York', weekly: value(parseHours(values.hours ?? '1-5 09:00-17:00')), holidays: [] },
            routing: values.routing ?? 'auto',
            product: values.product || null,
            greeting: values.greeting ?? '',
          },
          'department',
        ),
      );
      const res = await createDepartment(deps, COMMAND_LINE, { clientId, department: parsed });
      if (!res.ok && res.error.code === 'conflict') throw new Refused(`department ${parsed.id} exists; change it with update-department, set-hours or add-holiday`);
      out(`department ${value(res).id} created`);
      return 0;
    }
    case 'update-department':
      out(`department ${value(await department((d) => fieldsPatch(d, values))).id} saved`);
      return 0;
    case 'set-hours': {
      const hours = required(values.hours, 'hours');
      out(`department ${value(await department((d) => setHours(d, hours, values.zone))).id} hours saved`);
      return 0;
    }
    case 'add-holiday': {
      const date = required(values.date, 'date');
      out(`department ${value(await department((d) => addHoliday(d, date))).id}: ${date} is a holiday`);
      return 0;
    }
    case 'remove-holiday': {
      const date = required(values.date, 'date');
      out(`department ${value(await department((d) => removeHoliday(d, date))).id}: ${date} is no holiday`);
      return 0;
    }
    case 'reorder-departments': {
      const order = value(await reorderDepartments(deps, COMMAND_LINE, { clientId, order: list(required(values.order, 'order')) }));
      out(`departments in order: ${order.map((d) => d.id).join(', ')}`);
      return 0;
    }
    case 'create-specialist': {
      const specialist = value(
        parseWith(
          specialistCreateSchema,
          {
            email: values.email,
            displayName: required(values.name, 'name'),
            role: values.role ?? 'agent',
            departmentIds: list(values.departments),
            maxConcurrentChats: Number(values.max ?? 4),
          },
          'specialist',
        ),
      );
      const created = value(await createSpecialistAccount(deps, COMMAND_LINE, { clientId, specialist, ...(values.password ? { password: values.password } : {}) }));
      out(`specialist ${created.specialist.email} created (${created.specialist.role})`);
      if (!values.password && created.password) out(`password (shown once): ${created.password}`);
      return 0;
    }
    case 'update-specialist': {
      const patch = value(
        parseWith(
          specialistPatchSchema,
          {
            ...(values.name !== undefined ? { displayName: values.name } : {}),
            ...(values.role !== undefined ? { role: values.role } : {}),
            ...(values.departments !== undefined ? { departmentIds: list(values.departments) } : {}),
            ...(values.max !== undefined ? { maxConcurrentChats: Number(values.max) } : {}),
          },
          'specialist change',
        ),
      );
      const s = value(await updateSpecialist(deps, COMMAND_LINE, { clientId, specialistId: await specialistId(), patch }));
      out(`specialist ${s.email} saved (${s.role}, max ${s.maxConcurrentChats}, ${s.departmentIds.join(',') || 'no departments'})`);
      return 0;
    }
    case 'deactivate-specialist':
    case 'reactivate-specialist': {
      const active = command === 'reactivate-specialist';
      const s = value(await updateSpecialist(deps, COMMAND_LINE, { clientId, specialistId: await specialistId(), patch: { active } }));
      out(`specialist ${s.email} ${active ? 'reactivated' : 'deactivated'}`);
      return 0;
    }
    case 'reset-password': {
      const reset = value(await resetPassword(deps, COMMAND_LINE, { clientId, specialistId: await specialistId() }));
      out(`password of ${reset.specialist.email} reset; every session of the account ended`);
      out(`password (shown once): ${reset.password ?? ''}`);
      return 0;
    }
    case 'audit': {
      const last = Number(values.last ?? 20);
      if (!Number.isInteger(last) || last <= 0) throw new Refused('--last must be a positive whole number');
      const entries = await listAuditEntries(handle.db, last);
      for (const e of entries) out(auditLine(e));
      if (entries.length === 0) out('no administrative changes recorded');
      return 0;
    }
    case 'login-failures': {
      const hours = Number(values.last ?? 24);
      if (!Number.isFinite(hours) || hours <= 0) throw new Refused('--last must be a positive number of hours');
      const rows = await listLoginFailures(handle.db, systemClock.now() - hours * 3_600_000, 1000);
      for (const r of rows) out(`${new Date(r.at).toISOString()}\t${r.email}\t${r.address}`);
      if (rows.length === 0) out(`no failed logins in the last ${hours} h`);
      return 0;
    }
    case 'inbound-mail': {
      const last = Number(values.last ?? 50);
      if (!Number.isInteger(last) || last <= 0) throw new Refused('--last must be a positive whole number');
      const statuses: readonly InboundMailStatus[] = ['received', 'processed', 'ignored', 'failed'];
      const status = statuses.find((st) => st === values.status);
      if (values.status !== undefined && !status) throw new Refused(`--status must be one of ${statuses.join(', ')}`);
      const mails = await listInboundMail(handle.db, { last, ...(status ? { status } : {}) });
      for (const m of mails) {
        out([new Date(m.receivedAt).toISOString(), `#${m.id}`, m.status, m.fromAddress ?? (m.envelopeFrom || '<>'), m.envelopeTo, m.departmentId, m.ticketId === null ? '-' : `ticket ${m.ticketId}`, m.reason ?? ''].join('\t'));
      }
      if (mails.length === 0) out(status ? `no inbound mail with status ${status}` : 'no inbound mail recorded');
      return 0;
    }
    default:
      out(USAGE);
      return command ? 1 : 0;
  }
}

// Run only as the entry point, so tests can import runAdmin.
if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runAdmin(process.argv.slice(2));
}
