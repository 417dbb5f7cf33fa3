// The GitHub workflows cannot run here, so this reads them the way the runner would: for each OS of the
// matrix it evaluates the `if:` and `${{ }}` expressions the workflows use (a small subset of GitHub's
// expression language; anything else throws) and checks the commands and environment each step gets.
// Every check is also run against a broken copy, so each one is shown to be able to fail.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, unknown>;
  with?: Record<string, unknown>;
}

interface Job {
  'runs-on': string;
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string> | string;
  strategy?: { 'fail-fast'?: boolean; matrix?: { os?: string[] } };
  env?: Record<string, unknown>;
  steps: Step[];
}

interface Workflow {
  on: Record<string, { branches?: string[]; tags?: string[] } | null>;
  permissions?: Record<string, string> | string;
  env?: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const root = new URL('../../', import.meta.url);
const loadWorkflow = (file: string) => parse(readFileSync(new URL(`.github/workflows/${file}`, root), 'utf8')) as Workflow;
const ci = loadWorkflow('ci.yml');
const release = loadWorkflow('release.yml');
const packageJson = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> };

const OSES = ['windows-latest', 'macos-latest', 'ubuntu-latest'];
const RUNNER_OS: Record<string, string> = { 'windows-latest': 'Windows', 'macos-latest': 'macOS', 'ubuntu-latest': 'Linux' };
const MAC_SIGNING = ['CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'];
const WIN_SIGNING = ['WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD'];
const ALL_SECRETS = Object.fromEntries([...MAC_SIGNING, ...WIN_SIGNING].map((name) => [name, `secret-${name}`]));
const FEED = 'https://updates.example.test/switchboard';

// ---- a small evaluator for GitHub expressions ------------------------------------------------------

type Value = string | number | boolean | null;

interface Context {
  runner: { os: string };
  env: Record<string, string>;
  secrets: Record<string, string>;
  vars: Record<string, string>;
  matrix: Record<string, string>;
  github: Record<string, string>;
  status: 'success' | 'failure';
}

const truthy = (v: Value) => v !== null && v !== false && v !== 0 && v !== '' && !Number.isNaN(v);
const asNumber = (v: Value) => (v === null ? 0 : typeof v === 'boolean' ? Number(v) : typeof v === 'string' ? (v.trim() === '' ? 0 : Number(v)) : v);
const asString = (v: Value) => (v === null ? '' : String(v));

/** GitHub compares strings case-insensitively and anything of two different types as numbers. */
function equal(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === typeof b) return a === b;
  return asNumber(a) === asNumber(b);
}

function lookup(path: string, ctx: Context): Value {
  const [scope, name = '', ...rest] = path.split('.');
  if (rest.length > 0) throw new Error(`unsupported property path ${path}`);
  switch (scope) {
    case 'runner':
      return name === 'os' ? ctx.runner.os : null;
    case 'env':
      return ctx.env[name] ?? null;
    case 'secrets':
      return ctx.secrets[name] ?? '';
    case 'vars':
      return ctx.vars[name] ?? '';
    case 'matrix':
      return ctx.matrix[name] ?? null;
    case 'github':
      return ctx.github[name] ?? null;
    default:
      throw new Error(`unsupported context ${path}`);
  }
}

function call(name: string, args: Value[], ctx: Context): Value {
  switch (name) {
    case 'success':
      return ctx.status === 'success';
    case 'failure':
      return ctx.status === 'failure';
    case 'always':
      return true;
    case 'cancelled':
      return false;
    case 'startsWith':
      return asString(args[0] ?? null).toLowerCase().startsWith(asString(args[1] ?? null).toLowerCase());
    case 'contains':
      return asString(args[0] ?? null).toLowerCase().includes(asString(args[1] ?? null).toLowerCase());
    default:
      throw new Error(`unsupported function ${name}()`);
  }
}

function evaluate(expression: string, ctx: Context): Value {
  const tokens = expression.match(/'(?:[^']|'')*'|==|!=|&&|\|\||[!(),]|[A-Za-z_][\w.-]*|\d+(?:\.\d+)?|\S/g) ?? [];
  let pos = 0;
  const take = (expected?: string): string => {
    const token = tokens[pos++];
    if (token === undefined || (expected !== undefined && token !== expected)) {
      throw new Error(`expression "${expression}": expected ${expected ?? 'a value'}, found ${token ?? 'the end'}`);
    }
    return token;
  };
  const primary = (): Value => {
    const token = take();
    if (token === '(') {
      const value = or();
      take(')');
      return value;
    }
    if (token.startsWith("'")) return token.slice(1, -1).replaceAll("''", "'");
    if (/^\d/.test(token)) return Number(token);
    if (token === 'true' || token === 'false') return token === 'true';
    if (token === 'null') return null;
    if (tokens[pos] === '(') {
      take('(');
      const args: Value[] = [];
      while (tokens[pos] !== ')') {
        args.push(or());
        if (tokens[pos] === ',') take(',');
      }
      take(')');
      return call(token, args, ctx);
    }
    return lookup(token, ctx);
  };
  const comparison = (): Value => {
    const left = primary();
    const op = tokens[pos];
    if (op !== '==' && op !== '!=') return left;
    take();
    const same = equal(left, primary());
    return op === '==' ? same : !same;
  };
  const unary = (): Value => {
    if (tokens[pos] !== '!') return comparison();
    take();
    return !truthy(unary());
  };
  const and = (): Value => {
    let value = unary();
    while (tokens[pos] === '&&') {
      take();
      const right = unary();
      value = truthy(value) ? right : value;
    }
    return value;
  };
  const or = (): Value => {
    let value = and();
    while (tokens[pos] === '||') {
      take();
      const right = and();
      value = truthy(value) ? value : right;
    }
    return value;
  };
  const result = or();
  if (pos !== tokens.length) throw new Error(`expression "${expression}": unexpected ${tokens[pos]}`);
  return result;
}

/** `if:` as the runner reads it: `${{ }}` optional, and an implicit success() unless a status function is named. */
function condition(source: string | undefined, ctx: Context): boolean {
  if (source === undefined) return ctx.status === 'success';
  const expression = source.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const value = evaluate(expression, ctx);
  return /\b(success|failure|always|cancelled)\s*\(/.test(expression) ? truthy(value) : ctx.status === 'success' && truthy(value);
}

const interpolate = (value: unknown, ctx: Context) => String(value).replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression: string) => asString(evaluate(expression, ctx)));

function evaluateEnv(env: Record<string, unknown> | undefined, ctx: Context): Record<string, string> {
  return Object.fromEntries(Object.entries(env ?? {}).map(([name, value]) => [name, interpolate(value, ctx)]));
}

// ---- running a job on paper --------------------------------------------------------------------------

interface Situation {
  os: string;
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  status?: 'success' | 'failure';
  github?: Record<string, string>;
}

interface RanStep {
  step: Step;
  /** Environment the step's commands see (workflow, job and step env). */
  env: Record<string, string>;
  /** Non-empty, non-comment lines of `run`. */
  commands: string[];
}

function runJob(workflow: Workflow, job: Job, situation: Situation): RanStep[] {
  const ctx: Context = {
    runner: { os: RUNNER_OS[situation.os] ?? '?' },
    env: {},
    secrets: situation.secrets ?? {},
    vars: situation.vars ?? { SWITCHBOARD_UPDATE_URL: FEED },
    matrix: { os: situation.os },
    github: situation.github ?? { ref: 'refs/tags/v1.0.0', ref_type: 'tag', event_name: 'push' },
    status: situation.status ?? 'success',
  };
  if (interpolate(job['runs-on'], ctx) !== situation.os) return [];
  ctx.env = evaluateEnv(workflow.env, ctx);
  ctx.env = { ...ctx.env, ...evaluateEnv(job.env, ctx) };
  return job.steps
    .filter((step) => condition(step.if, ctx))
    .map((step) => ({
      step,
      env: { ...ctx.env, ...evaluateEnv(step.env, ctx) },
      commands: (step.run ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#')),
    }));
}

const commandsOf = (steps: RanStep[]) => steps.flatMap((s) => s.commands);
const matrixJobs = (workflow: Workflow) => Object.entries(workflow.jobs).filter(([, job]) => job.strategy?.matrix?.os !== undefined);
const usesAction = (step: Step, action: string) => step.uses?.split('@')[0] === action;

/** Problems if `expected` commands do not all occur, in this order. */
function inOrder(commands: string[], expected: string[], where: string): string[] {
  let from = 0;
  for (const command of expected) {
    const at = commands.indexOf(command, from);
    if (at < 0) return [`${where}: "${command}" missing or out of order in [${commands.join(' | ')}]`];
    from = at + 1;
  }
  return [];
}

// ---- checks: each returns the problems it finds ---------------------------------------------------------

function ciTriggers(wf: Workflow): string[] {
  const problems: string[] = [];
  for (const event of ['push', 'pull_request']) {
    if (!wf.on[event]?.branches?.includes('main')) problems.push(`ci does not run on ${event} to main`);
  }
  return problems;
}

function readOnlyPermissions(wf: Workflow): string[] {
  const problems: string[] = [];
  if (JSON.stringify(wf.permissions) !== JSON.stringify({ contents: 'read' })) problems.push(`top-level permissions are ${JSON.stringify(wf.permissions)}, not { contents: read }`);
  for (const [id, job] of Object.entries(wf.jobs)) {
    if (job.permissions !== undefined && JSON.stringify(job.permissions).includes('write')) problems.push(`job ${id} may write`);
  }
  return problems;
}

function threeOsMatrix(wf: Workflow): string[] {
  const jobs = matrixJobs(wf);
  if (jobs.length === 0) return ['no job has an OS matrix'];
  return jobs.flatMap(([id, job]) => {
    const problems: string[] = [];
    if (JSON.stringify([...(job.strategy?.matrix?.os ?? [])].sort()) !== JSON.stringify([...OSES].sort())) problems.push(`${id}: matrix is ${JSON.stringify(job.strategy?.matrix?.os)}`);
    if (job.strategy?.['fail-fast'] !== false) problems.push(`${id}: fail-fast is not false`);
    if (job['runs-on'] !== '${{ matrix.os }}') problems.push(`${id}: runs-on is ${job['runs-on']}`);
    const node = job.steps.find((step) => usesAction(step, 'actions/setup-node'));
    if (node?.uses !== 'actions/setup-node@v4' || String(node.with?.['node-version']) !== '22' || node.with?.cache !== 'npm') problems.push(`${id}: not Node 22 via actions/setup-node@v4 with the npm cache`);
    return problems;
  });
}

/** npm ci, Playwright's Chromium, build, desktop:prepare, npm test and the Electron tests (under Xvfb on Linux) on every OS. */
function ciRunsTheTests(wf: Workflow, npmTestScript: string): string[] {
  const problems: string[] = [];
  const electronInNpmTest = /(^|&&)\s*npm run test:electron\s*(&&|$)/.test(npmTestScript);
  for (const os of OSES) {
    const ran = Object.values(wf.jobs).flatMap((job) => runJob(wf, job, { os }));
    const commands = commandsOf(ran);
    const linux = RUNNER_OS[os] === 'Linux';
    const display = linux ? 'xvfb-run -a ' : '';
    const npmTest = `${display}npm test`;
    problems.push(...inOrder(commands, ['npm ci', 'npx install-electron', 'npx playwright install --with-deps chromium', 'npm run build', 'npm run desktop:prepare', npmTest], os));
    if (commands.filter((c) => /(^|\s)npm test$/.test(c)).length !== 1) problems.push(`${os}: npm test does not run exactly once`);
    const electron = commands.filter((c) => c.includes('npm run test:electron') || (electronInNpmTest && /\bnpm test\b/.test(c)));
    if (electron.length === 0) problems.push(`${os}: the Electron tests do not run`);
    if (electron.some((c) => !c.startsWith(display))) problems.push(`${os}: the Electron tests run without a display`);
    if (linux && !commands.some((c) => /apt-get install\b.*\bxvfb\b/.test(c))) problems.push(`${os}: xvfb is not installed`);
    const testStep = ran.find((s) => s.commands.some((c) => /(^|\s)npm test$/.test(c)));
    if (testStep?.env.PLAYWRIGHT_BUNDLED_CHROMIUM !== '1') problems.push(`${os}: npm test runs without PLAYWRIGHT_BUNDLED_CHROMIUM=1`);
  }
  return problems;
}

function ciUploadsArtifactsOnFailure(wf: Workflow): string[] {
  const problems: string[] = [];
  const isUpload = (s: RanStep) => s.step.uses === 'actions/upload-artifact@v4' && String(s.step.with?.path).replace(/\/$/, '') === 'test-artifacts';
  const jobs = Object.values(wf.jobs);
  for (const os of OSES) {
    if (!jobs.flatMap((job) => runJob(wf, job, { os, status: 'failure' })).some(isUpload)) problems.push(`${os}: test-artifacts/ is not uploaded when the tests fail`);
    if (jobs.flatMap((job) => runJob(wf, job, { os })).some(isUpload)) problems.push(`${os}: test-artifacts/ is uploaded on success too`);
  }
  return problems;
}

function releaseTriggers(wf: Workflow): string[] {
  const problems: string[] = [];
  if (JSON.stringify(wf.on.push?.tags) !== JSON.stringify(['v*'])) problems.push(`release runs on tags ${JSON.stringify(wf.on.push?.tags)}`);
  if (wf.on.push?.branches !== undefined) problems.push('release runs on branch pushes');
  if (!('workflow_dispatch' in wf.on)) problems.push('release cannot be started by hand');
  return problems;
}

const publishingJobs = (wf: Workflow) => Object.entries(wf.jobs).filter(([, job]) => job.steps.some((step) => usesAction(step, 'softprops/action-gh-release')));

/** Read-only everywhere except the one job that creates the GitHub Release. */
function onlyThePublisherWrites(wf: Workflow): string[] {
  const problems: string[] = [];
  const publishers = publishingJobs(wf).map(([id]) => id);
  if (publishers.length !== 1) problems.push(`${publishers.length} jobs create a GitHub Release`);
  if (wf.permissions !== undefined && JSON.stringify(wf.permissions) !== JSON.stringify({ contents: 'read' })) problems.push(`top-level permissions are ${JSON.stringify(wf.permissions)}`);
  for (const [id, job] of Object.entries(wf.jobs)) {
    const expected = publishers.includes(id) ? { contents: 'write' } : { contents: 'read' };
    if (JSON.stringify(job.permissions) !== JSON.stringify(expected)) problems.push(`job ${id} has permissions ${JSON.stringify(job.permissions)}, expected ${JSON.stringify(expected)}`);
  }
  return problems;
}

const BUILDER_TARGETS: Record<string, { flag: string; targets: string[] }> = {
  'windows-latest': { flag: '--win', targets: ['nsis'] },
  'macos-latest': { flag: '--mac', targets: ['dmg', 'zip'] },
  'ubuntu-latest': { flag: '--linux', targets: ['appimage', 'deb'] },
};

const builderSteps = (ran: RanStep[]) => ran.filter((s) => s.commands.some((c) => c.startsWith('node scripts/dist.mjs ')));

/** Targets given after the platform flag, lower-cased. */
function targetsOf(command: string, flag: string): string[] {
  const words = command.split(/\s+/);
  const start = words.indexOf(flag);
  if (start < 0) return [];
  const end = words.findIndex((w, i) => i > start && w.startsWith('-'));
  return words.slice(start + 1, end < 0 ? undefined : end).map((w) => w.toLowerCase());
}

/** npm ci, build, desktop:prepare, then one electron-builder run per OS with the installers the issue lists. */
function releaseBuildsInstallers(wf: Workflow): string[] {
  const problems: string[] = [];
  const jobs = matrixJobs(wf).map(([, job]) => job);
  for (const os of OSES) {
    const expected = BUILDER_TARGETS[os];
    if (expected === undefined) continue;
    for (const secrets of [{}, ALL_SECRETS]) {
      const ran = jobs.flatMap((job) => runJob(wf, job, { os, secrets }));
      const commands = commandsOf(ran);
      const builds = commands.filter((c) => c.startsWith('node scripts/dist.mjs '));
      const where = `${os}${secrets === ALL_SECRETS ? ' (with secrets)' : ''}`;
      if (builds.length !== 1) {
        problems.push(`${where}: electron-builder runs ${builds.length} times`);
        continue;
      }
      const build = builds[0] ?? '';
      problems.push(...inOrder(commands, ['npm ci', 'npm run build', 'npm run desktop:prepare', build], where));
      if (JSON.stringify(targetsOf(build, expected.flag).sort()) !== JSON.stringify([...expected.targets].sort())) problems.push(`${where}: "${build}" does not build ${expected.flag} ${expected.targets.join(' ')}`);
      if (!/--publish never\b/.test(build)) problems.push(`${where}: "${build}" may publish on its own`);
      if (builderSteps(ran)[0]?.env.SWITCHBOARD_UPDATE_URL !== FEED) problems.push(`${where}: electron-builder does not get SWITCHBOARD_UPDATE_URL from vars`);
    }
  }
  const upload = jobs.flatMap((job) => job.steps).find((step) => step.uses === 'actions/upload-artifact@v4');
  const paths = String(upload?.with?.path ?? '').split('\n').map((p) => p.trim());
  for (const pattern of ['*.exe', '*.dmg', '*.zip', '*.AppImage', '*.deb', '*.blockmap', 'latest*.yml']) {
    if (!paths.includes(`release/${pattern}`)) problems.push(`release/${pattern} is not uploaded as an artifact`);
  }
  return problems;
}

/** Signing secrets reach only the electron-builder step of their own OS, and only when they exist. */
function signsOnlyWithSecrets(wf: Workflow): string[] {
  const problems: string[] = [];
  const jobs = matrixJobs(wf).map(([, job]) => job);
  for (const os of OSES) {
    for (const secrets of [{}, ALL_SECRETS]) {
      const withSecrets = secrets === ALL_SECRETS;
      const where = `${os}${withSecrets ? ' with' : ' without'} secrets`;
      const ran = jobs.flatMap((job) => runJob(wf, job, { os, secrets }));
      const builders = builderSteps(ran);
      if (builders.length !== 1) {
        problems.push(`${where}: ${builders.length} electron-builder steps run`);
        continue;
      }
      const builder = builders[0];
      const own = withSecrets ? (os === 'macos-latest' ? MAC_SIGNING : os === 'windows-latest' ? WIN_SIGNING : []) : [];
      for (const s of ran) {
        for (const name of [...MAC_SIGNING, ...WIN_SIGNING]) {
          const value = s.env[name];
          // Present-but-empty counts as set: electron-builder tries to import an empty CSC_LINK on macOS.
          if (s === builder && own.includes(name)) {
            if (value !== ALL_SECRETS[name]) problems.push(`${where}: ${name} is not passed to electron-builder`);
          } else if (value !== undefined) {
            problems.push(`${where}: step "${s.step.name ?? s.step.uses ?? s.commands[0]}" gets ${name}`);
          }
        }
      }
      if (os === 'macos-latest') {
        const discovery = builder?.env.CSC_IDENTITY_AUTO_DISCOVERY;
        if (!withSecrets && discovery !== 'false') problems.push(`${where}: CSC_IDENTITY_AUTO_DISCOVERY is ${discovery}, so a keychain identity could sign`);
        if (withSecrets && discovery === 'false') problems.push(`${where}: CSC_IDENTITY_AUTO_DISCOVERY=false although a certificate exists`);
      }
    }
  }
  return problems;
}

/** Secrets go through `env:` only: never into a script, where they could be echoed or injected. */
function secretsOnlyInEnv(wf: Workflow): string[] {
  const problems: string[] = [];
  for (const [id, job] of Object.entries(wf.jobs)) {
    for (const step of job.steps) {
      const outsideEnv = JSON.stringify({ ...step, env: undefined });
      if (/\bsecrets\./.test(outsideEnv)) problems.push(`${id}: step "${step.name ?? step.uses ?? step.run}" uses a secret outside env`);
      if (/\b(echo|printf)\b[^\n]*\$\{?(CSC_|WIN_CSC_|APPLE_)/.test(step.run ?? '')) problems.push(`${id}: step "${step.name ?? step.run}" prints a signing variable`);
    }
  }
  return problems;
}

/** On a tag, after every build, one job downloads all installers and attaches them to the GitHub Release. */
function releaseAttachesInstallers(wf: Workflow): string[] {
  const problems: string[] = [];
  const [entry] = publishingJobs(wf);
  if (entry === undefined) return ['no job creates the GitHub Release'];
  const [id, job] = entry;
  const builds = matrixJobs(wf).map(([buildId]) => buildId);
  const needs = typeof job.needs === 'string' ? [job.needs] : (job.needs ?? []);
  if (builds.length === 0 || !builds.every((b) => needs.includes(b))) problems.push(`${id} does not wait for the builds (${builds.join(', ')})`);
  const runsOn = (ref_type: string, ref: string) => condition(job.if, { ...baseContext(), github: { ref_type, ref } });
  if (!runsOn('tag', 'refs/tags/v1.2.3')) problems.push(`${id} does not run for a tag`);
  if (runsOn('branch', 'refs/heads/main')) problems.push(`${id} runs for a branch`);
  const download = job.steps.find((s) => s.uses === 'actions/download-artifact@v4');
  const publish = job.steps.find((s) => s.uses === 'softprops/action-gh-release@v2');
  if (download === undefined || publish === undefined) return [...problems, `${id} must use actions/download-artifact@v4 and softprops/action-gh-release@v2`];
  const pattern = new RegExp(`^${String(download.with?.pattern ?? '*').replaceAll('*', '.*')}$`);
  const uploads = matrixJobs(wf).flatMap(([, build]) => build.steps.filter((s) => s.uses === 'actions/upload-artifact@v4'));
  for (const os of OSES) {
    const names = uploads.map((s) => interpolate(s.with?.name, { ...baseContext(), matrix: { os } }));
    if (!names.some((name) => pattern.test(name))) problems.push(`the installers of ${os} (${names.join(', ')}) are not downloaded by ${download.with?.pattern}`);
  }
  if (download.with?.['merge-multiple'] !== true) problems.push('artifacts are downloaded into one folder per OS');
  if (String(publish.with?.files) !== `${String(download.with?.path)}/*`) problems.push(`files ${publish.with?.files} is not what was downloaded into ${download.with?.path}`);
  if (publish.with?.fail_on_unmatched_files !== true) problems.push('a release without installers would not fail');
  return problems;
}

function baseContext(): Context {
  return { runner: { os: 'Linux' }, env: {}, secrets: {}, vars: {}, matrix: {}, github: {}, status: 'success' };
}

// ---- tests ------------------------------------------------------------------------------------------------

type Mutation = (wf: Workflow) => void;
const copy = (wf: Workflow, mutate: Mutation) => {
  const clone = structuredClone(wf);
  mutate(clone);
  return clone;
};
/** The step with this name, run line or action (without @version), or whose name matches. */
const stepNamed = (wf: Workflow, job: string, name: string | RegExp): Step => {
  const step = wf.jobs[job]?.steps.find((s) => (typeof name === 'string' ? s.name === name || s.run === name || s.uses?.split('@')[0] === name : name.test(s.name ?? '')));
  if (step === undefined) throw new Error(`no step ${String(name)} in ${job}`);
  return step;
};
const npmTest = packageJson.scripts.test ?? '';

describe('.github/workflows/ci.yml', () => {
  it('runs on pushes and pull requests to main', () => {
    expect(ciTriggers(ci)).toEqual([]);
  });

  it('can only read the repository', () => {
    expect(readOnlyPermissions(ci)).toEqual([]);
  });

  it('tests on Windows, macOS and Linux with Node 22 (Electron 45 asks for it), not stopping at the first failing OS', () => {
    expect(threeOsMatrix(ci)).toEqual([]);
  });

  it('runs npm ci, desktop:prepare, npm test and the Electron tests on each OS, with a display on Linux', () => {
    expect(npmTest).toMatch(/npm run test:electron/);
    expect(ciRunsTheTests(ci, npmTest)).toEqual([]);
  });

  it('uploads test-artifacts/ when the tests fail', () => {
    expect(ciUploadsArtifactsOnFailure(ci)).toEqual([]);
  });
});

describe('.github/workflows/release.yml', () => {
  it('runs for v* tags and by hand', () => {
    expect(releaseTriggers(release)).toEqual([]);
  });

  it('lets only the job that publishes the GitHub Release write', () => {
    expect(onlyThePublisherWrites(release)).toEqual([]);
  });

  it('builds NSIS, dmg + zip, AppImage + deb with electron-builder on the three OSes', () => {
    expect(threeOsMatrix(release)).toEqual([]);
    expect(releaseBuildsInstallers(release)).toEqual([]);
  });

  it('signs (and notarises) only when the signing secrets exist', () => {
    expect(signsOnlyWithSecrets(release)).toEqual([]);
  });

  it('attaches the installers and update files to the GitHub Release of the tag', () => {
    expect(releaseAttachesInstallers(release)).toEqual([]);
  });

  it('passes secrets through env only, in both workflows', () => {
    expect(secretsOnlyInEnv(release)).toEqual([]);
    expect(secretsOnlyInEnv(ci)).toEqual([]);
  });
});

describe('each check finds a broken workflow', () => {
  const broken: [string, () => string[]][] = [
    ['ci without pull requests', () => ciTriggers(copy(ci, (wf) => delete wf.on.pull_request))],
    ['ci with write access', () => readOnlyPermissions(copy(ci, (wf) => (wf.permissions = { contents: 'write' })))],
    ['ci with a job that may write', () => readOnlyPermissions(copy(ci, (wf) => (wf.jobs.test!.permissions = 'write-all')))],
    ['ci without Windows', () => threeOsMatrix(copy(ci, (wf) => (wf.jobs.test!.strategy!.matrix!.os = ['macos-latest', 'ubuntu-latest'])))],
    ['ci stopping at the first failure', () => threeOsMatrix(copy(ci, (wf) => (wf.jobs.test!.strategy!['fail-fast'] = true)))],
    ['ci on Node 18', () => threeOsMatrix(copy(ci, (wf) => (stepNamed(wf, 'test', 'actions/setup-node').with = { 'node-version': 18, cache: 'npm' })))],
    ['ci without a display on Linux', () => ciRunsTheTests(copy(ci, (wf) => (stepNamed(wf, 'test', 'npm test (under Xvfb)').run = 'npm test')), npmTest)],
    ['ci running npm test twice on Linux', () => ciRunsTheTests(copy(ci, (wf) => delete stepNamed(wf, 'test', 'npm test').if), npmTest)],
    ['ci without desktop:prepare', () => ciRunsTheTests(copy(ci, (wf) => (wf.jobs.test!.steps = wf.jobs.test!.steps.filter((s) => s.run !== 'npm run desktop:prepare'))), npmTest)],
    ['ci without Playwright’s Chromium', () => ciRunsTheTests(copy(ci, (wf) => delete wf.jobs.test!.env!.PLAYWRIGHT_BUNDLED_CHROMIUM), npmTest)],
    ['npm test without the Electron tests', () => ciRunsTheTests(ci, npmTest.replace(/\s*&&\s*npm run test:electron/, ''))],
    ['ci uploading the wrong folder', () => ciUploadsArtifactsOnFailure(copy(ci, (wf) => (stepNamed(wf, 'test', 'Upload test artifacts').with!.path = 'dist/')))],
    ['ci uploading always', () => ciUploadsArtifactsOnFailure(copy(ci, (wf) => (stepNamed(wf, 'test', 'Upload test artifacts').if = 'always()')))],
    ['release on every tag', () => releaseTriggers(copy(release, (wf) => (wf.on.push = { tags: ['*'] })))],
    ['release builds that may write', () => onlyThePublisherWrites(copy(release, (wf) => (wf.jobs.build!.permissions = { contents: 'write' })))],
    ['release publisher without write access', () => onlyThePublisherWrites(copy(release, (wf) => (wf.jobs['github-release']!.permissions = { contents: 'read' })))],
    ['release without the macOS zip', () => releaseBuildsInstallers(copy(release, (wf) => wf.jobs.build!.steps.forEach((s) => (s.run = s.run?.replace(' dmg zip', ' dmg')))))],
    ['release without the deb', () => releaseBuildsInstallers(copy(release, (wf) => (stepNamed(wf, 'build', /^Linux/).run = 'node scripts/dist.mjs --linux AppImage --x64 --publish never')))],
    ['release building before desktop:prepare', () => releaseBuildsInstallers(copy(release, (wf) => wf.jobs.build!.steps.reverse()))],
    ['release without blockmaps', () => releaseBuildsInstallers(copy(release, (wf) => (stepNamed(wf, 'build', 'actions/upload-artifact').with = { path: 'release/*.exe' })))],
    ['release passing an empty certificate', () => signsOnlyWithSecrets(copy(release, (wf) => (stepNamed(wf, 'build', /macOS.*unsigned/).env!.CSC_LINK = '${{ secrets.CSC_LINK }}')))],
    [
      'release signing macOS whether or not the certificate exists',
      () =>
        signsOnlyWithSecrets(
          copy(release, (wf) => {
            stepNamed(wf, 'build', /macOS.*signed and/).if = "runner.os == 'macOS'";
            wf.jobs.build!.steps = wf.jobs.build!.steps.filter((s) => !/macOS.*unsigned/.test(s.name ?? ''));
          }),
        ),
    ],
    ['release letting the keychain sign', () => signsOnlyWithSecrets(copy(release, (wf) => delete stepNamed(wf, 'build', /macOS.*unsigned/).env))],
    ['release giving the Mac certificate to Windows', () => signsOnlyWithSecrets(copy(release, (wf) => (stepNamed(wf, 'build', /Windows.*, signed/).env!.CSC_LINK = '${{ secrets.CSC_LINK }}')))],
    ['release not passing the Apple team', () => signsOnlyWithSecrets(copy(release, (wf) => delete stepNamed(wf, 'build', /macOS.*signed and/).env!.APPLE_TEAM_ID))],
    ['release printing a secret', () => secretsOnlyInEnv(copy(release, (wf) => wf.jobs.build!.steps.push({ run: 'echo ${{ secrets.CSC_LINK }}' })))],
    ['release printing a signing variable', () => secretsOnlyInEnv(copy(release, (wf) => wf.jobs.build!.steps.push({ run: 'echo "$WIN_CSC_KEY_PASSWORD"' })))],
    ['release published from a branch', () => releaseAttachesInstallers(copy(release, (wf) => delete wf.jobs['github-release']!.if))],
    ['release attaching the wrong files', () => releaseAttachesInstallers(copy(release, (wf) => (stepNamed(wf, 'github-release', 'softprops/action-gh-release').with = { files: 'dist/*' })))],
  ];

  it.each(broken)('%s', (_, problems) => {
    expect(problems()).not.toEqual([]);
  });
});

describe('the expression evaluator', () => {
  const ctx = (over: Partial<Context>): Context => ({ ...baseContext(), ...over });

  it('reads the contexts and operators the workflows use', () => {
    expect(evaluate("secrets.CSC_LINK != ''", ctx({}))).toBe(false);
    expect(evaluate("secrets.CSC_LINK != ''", ctx({ secrets: { CSC_LINK: 'x' } }))).toBe(true);
    expect(evaluate("runner.os == 'linux' && env.A != 'true'", ctx({ env: { A: 'false' } }))).toBe(true);
    expect(evaluate("startsWith(github.ref, 'refs/tags/') || !(1 == 1)", ctx({ github: { ref: 'refs/heads/main' } }))).toBe(false);
    expect(interpolate('x-${{ matrix.os }}', ctx({ matrix: { os: 'macos-latest' } }))).toBe('x-macos-latest');
  });

  it('applies the implicit success() and refuses what it does not know', () => {
    expect(condition("runner.os == 'Linux'", ctx({ status: 'failure' }))).toBe(false);
    expect(condition('${{ failure() }}', ctx({ status: 'failure' }))).toBe(true);
    expect(() => evaluate('hashFiles(\'x\')', ctx({}))).toThrow(/unsupported/);
    expect(() => evaluate('steps.a.outputs.b', ctx({}))).toThrow(/unsupported/);
  });
});
