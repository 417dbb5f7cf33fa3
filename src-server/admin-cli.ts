// `npm run admin -- <command>`: manage departments and specialist accounts in the configured database.
import { parseArgs } from 'node:util';
import { loadConfig } from './config';
import { systemClock } from './clock';
import { openDatabase, sqliteFile } from './db/connection';
import { backupSqlite } from './db/backup';
import { migrate } from './db/migrations';
import { listDepartments, upsertDepartment } from './db/departments';
import { listSpecialists } from './db/specialists';
import { listLoginFailures } from './db/login-attempts';
import { seedIfEmpty } from './seed';
import { createSpecialist } from './auth/account-service';
import { generatePassword } from './auth/passwords';
import { departmentSchema } from '../src-shared/department';
import { roleSchema } from '../src-shared/specialist';
import { emailSchema } from '../src-shared/ids';
import { parseWith } from '../src-shared/result';

const USAGE = `Usage: npm run admin -- <command> [options]

  list
  create-department --id av-media --name "AV Media" [--description ""] [--zone America/New_York]
                    [--hours "1-5 09:00-19:00"] [--routing auto|pick] [--product lumina]
  create-specialist --email a@b.com --name Dana --role agent|lead|admin --departments a,b
                    [--max 4] [--password secret]   (a password is generated and printed when omitted)
  login-failures [--last 24]
                    failed logins (newest first, at most 1000): time, account, address
  backup <file>     online copy of the SQLite database, safe while the server runs; never overwrites <file>
                    (PostgreSQL: use pg_dump, see README)
`;

const out = (s: string) => process.stdout.write(`${s}\n`);

/** "1-5 09:00-19:00" (ISO weekdays, Monday = 1), several separated by ";". */
function parseHours(spec: string): { day: number; open: string; close: string }[] {
  return spec.split(';').flatMap((part) => {
    const m = /^\s*(\d)(?:-(\d))?\s+(\d\d:\d\d)-(\d\d:\d\d)\s*$/.exec(part);
    if (!m) throw new Error(`cannot read hours "${part}"; expected e.g. "1-5 09:00-19:00"`);
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    return Array.from({ length: to - from + 1 }, (_, i) => ({ day: from + i, open: m[3] ?? '', close: m[4] ?? '' }));
  });
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
  const { values } = parseArgs({
    args: rest,
    options: {
      id: { type: 'string' },
      name: { type: 'string' },
      description: { type: 'string' },
      zone: { type: 'string' },
      hours: { type: 'string' },
      routing: { type: 'string' },
      product: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      departments: { type: 'string' },
      max: { type: 'string' },
      password: { type: 'string' },
      last: { type: 'string' },
    },
    strict: true,
  });
  const loaded = loadConfig();
  if (!loaded.ok) {
    console.error(loaded.message);
    return 1;
  }
  const handle = openDatabase(loaded.config);
  try {
    await migrate(handle.db, handle.dialect, systemClock.now());
    await seedIfEmpty({ db: handle.db, clock: systemClock }, { demoPassword: null, accounts: false });
    switch (command) {
      case 'list': {
        for (const d of await listDepartments(handle.db)) out(`department ${d.id}\t${d.name}\t${d.routing}\t${d.schedule.zone}`);
        for (const s of await listSpecialists(handle.db)) out(`specialist ${s.email}\t${s.displayName}\t${s.role}\tmax ${s.maxConcurrentChats}\t${s.departmentIds.join(',')}`);
        return 0;
      }
      case 'create-department': {
        const parsed = parseWith(
          departmentSchema,
          {
            id: values.id,
            name: values.name,
            description: values.description ?? '',
            schedule: { zone: values.zone ?? 'America/New_York', weekly: parseHours(values.hours ?? '1-5 09:00-17:00'), holidays: [] },
            routing: values.routing ?? 'auto',
            product: values.product ?? null,
            position: (await listDepartments(handle.db)).length + 1,
          },
          'department',
        );
        if (!parsed.ok) throw new Error(parsed.error.message);
        await upsertDepartment(handle.db, parsed.value);
        out(`department ${parsed.value.id} saved`);
        return 0;
      }
      case 'create-specialist': {
        const email = parseWith(emailSchema, values.email, 'email');
        const role = parseWith(roleSchema, values.role ?? 'agent', 'role');
        if (!email.ok) throw new Error(email.error.message);
        if (!role.ok) throw new Error(role.error.message);
        if (!values.name) throw new Error('--name is required');
        const password = values.password ?? generatePassword();
        const res = await createSpecialist(
          { db: handle.db, clock: systemClock },
          {
            email: email.value,
            displayName: values.name,
            role: role.value,
            departmentIds: (values.departments ?? '').split(',').filter(Boolean),
            maxConcurrentChats: Number(values.max ?? 4),
            password,
          },
        );
        if (!res.ok) throw new Error(res.error.message);
        out(`specialist ${res.value.email} created (${res.value.role})`);
        if (!values.password) out(`password (shown once): ${password}`);
        return 0;
      }
      case 'login-failures': {
        const hours = Number(values.last ?? 24);
        if (!Number.isFinite(hours) || hours <= 0) throw new Error('--last must be a positive number of hours');
        const rows = await listLoginFailures(handle.db, systemClock.now() - hours * 3_600_000, 1000);
        for (const r of rows) out(`${new Date(r.at).toISOString()}\t${r.email}\t${r.address}`);
        if (rows.length === 0) out(`no failed logins in the last ${hours} h`);
        return 0;
      }
      default:
        out(USAGE);
        return command ? 1 : 0;
    }
  } catch (e) {
    console.error(`admin: ${(e as Error).message}`);
    return 1;
  } finally {
    await handle.close();
  }
}

// Run only as the entry point, so tests can import runAdmin.
if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runAdmin(process.argv.slice(2));
}
