// Server configuration: the environment read once through a zod schema; the only module that touches process.env.
import { z } from 'zod';
import { IANAZone } from 'luxon';
import { MAX_UPLOAD_BYTES } from '../src-shared/attachment';
import { budgetScopes, DEFAULT_BUDGETS, DEFAULT_LOGIN_BUDGETS, parseBudgetSpec, type BudgetSpec, type LoginBudgetSpec, type Rate, type StrangerOperation } from './budgets/budget-spec';
import { parseProxyTrust, type ProxyTrust } from './http/client-address';

const boolish = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/** A budget variable ("ip=20/10m,global=60/1m", see budgets/budget-spec.ts) over its defaults. */
const budgetEnv = <K extends string>(scopes: readonly K[], defaults: Partial<Record<K, Rate>>) =>
  z
    .string()
    .default('')
    .transform((v, ctx) => {
      const parsed = parseBudgetSpec(v, scopes, defaults);
      if (parsed.ok) return parsed.spec;
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    });

/** A list in one variable, split on commas and whitespace. */
const list = (item: z.ZodString | z.ZodType<string, string>) =>
  z
    .string()
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .pipe(z.array(item).min(1));

/** A CSP source for frame-ancestors: `*`, 'self', a scheme (`https:`) or a host source (`https://*.example.com`). */
const frameSource = z.string().regex(/^(\*|'self'|'none'|[a-z][a-z0-9+.-]*:(\/\/[^\s;,'"]+)?|[^\s;,'":]+(:[0-9*]+)?)$/i, 'a CSP source such as https://www.example.com');
const webOrigin = z.string().refine((v) => v === '*' || URL.canParse(v) && new URL(v).origin === v, 'an origin such as https://www.example.com (scheme, host, port; no path), or *');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4080),
  /** Names this node in claims on shared work; unique among running nodes (default: host name and port). */
  NODE_ID: z.string().trim().min(1).max(200).optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).default('Switchboard Support <support@switchboard.local>'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'postgres:// URL').optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'redis:// URL').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** HMAC key for access tokens and comment links; generated into DATA_DIR/secret when absent. */
  SECRET: z.string().min(32, 'SECRET must be at least 32 characters').optional(),
  CHAT_IDLE_TIMEOUT_MS: z.coerce.number().int().positive().default(30 * 60_000),
  SPECIALIST_GRACE_MS: z.coerce.number().int().nonnegative().default(60_000),
  ACCESS_TOKEN_TTL_MS: z.coerce.number().int().positive().default(15 * 60_000),
  REFRESH_TOKEN_TTL_MS: z.coerce.number().int().positive().default(30 * 24 * 3_600_000),
  COMMENT_LINK_TTL_MS: z.coerce.number().int().positive().default(30 * 24 * 3_600_000),
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(MAX_UPLOAD_BYTES),
  /** Group commit: all writes of one event-loop turn in one transaction (DESIGN.md §5). */
  GROUP_COMMIT: boolish.default(true),
  /** Password for the seeded demo accounts; random (and printed once) when absent. */
  DEMO_PASSWORD: z.string().min(8).optional(),
  WIDGET_DIR: z.string().min(1).default('./dist/widget'),
  /** How often each node looks for due automation jobs (reminders, auto-solve, auto-close). */
  AUTOMATION_INTERVAL_MS: z.coerce.number().int().positive().default(60_000),
  /**
   * Chat deadlines (idle end, grace requeue) live in the database; each node sweeps at the next one it knows
   * of, and at least this often for deadlines set by a node that has since gone away.
   */
  CHAT_SWEEP_INTERVAL_MS: z.coerce.number().int().positive().default(60_000),
  /** How long a mail is retried (exponential backoff with jitter) after it was queued before it is failed for good. */
  MAIL_RETRY_MAX_MS: z.coerce.number().int().positive().default(24 * 3_600_000),
  /** Each node looks for due mail at least this often (mail queued by another node, claims of a node that died). */
  MAIL_POLL_INTERVAL_MS: z.coerce.number().int().positive().default(5_000),
  /** Likely large-scale incident: this many reports of one category (and event) within INCIDENT_WINDOW_MS alert the leads. */
  INCIDENT_THRESHOLD: z.coerce.number().int().min(1).default(5),
  INCIDENT_WINDOW_MS: z.coerce.number().int().positive().default(15 * 60_000),
  /** Where Redirect resolutions are handed off (DESIGN.md §3); unset = the ticket's audit records it instead. */
  ACCOUNT_MANAGEMENT_EMAIL: z.email().optional(),
  /** Reporting zone of the lead dashboard's "today" (stats:get). */
  STATS_TIME_ZONE: z
    .string()
    .refine((v) => IANAZone.isValidZone(v), 'an IANA time zone such as America/New_York')
    .default('America/New_York'),
  /** Prometheus /metrics: off unless asked for; when on, only with `Authorization: Bearer METRICS_TOKEN`. */
  METRICS: z.enum(['off', 'on']).default('off'),
  METRICS_TOKEN: z.string().min(32, 'METRICS_TOKEN must be at least 32 characters').optional(),
  /** SIGTERM: /ready answers 503 this long before connections are cut, so a balancer stops sending new ones. */
  DRAIN_DELAY_MS: z.coerce.number().int().nonnegative().default(5_000),
  /** SIGTERM: the whole drain (delay, last writes, disconnects, database close) ends within this, or the process exits anyway. */
  DRAIN_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /**
   * socket.io's heartbeat: the server pings every interval and drops a client that has not answered within the
   * timeout. Below a balancer's idle timeout it keeps WebSockets open; shorter values find dead links sooner.
   */
  SOCKET_PING_INTERVAL_MS: z.coerce.number().int().positive().default(25_000),
  SOCKET_PING_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  /** Who may frame the customer page (/support): the sites that embed the widget. Default any (SECURITY.md). */
  FRAME_ANCESTORS: list(frameSource).default(['*']),
  /** Page origins whose widgets may open /visitor sockets (besides this server's own pages); default PUBLIC_URL's origin. */
  WIDGET_ORIGINS: list(webOrigin).optional(),
  /** Whose X-Forwarded-For to believe (http/client-address.ts): false, true, a hop count, or balancer addresses/CIDRs. */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx) => {
      const parsed = parseProxyTrust(v);
      if (parsed.ok) return parsed.trust;
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }),
  /** Budgets of what strangers can trigger, per IP / target / global (README, Configuration). */
  RATE_LIMIT_CHAT_REQUEST: budgetEnv(budgetScopes, DEFAULT_BUDGETS.chat_request),
  RATE_LIMIT_EMAIL_US: budgetEnv(budgetScopes, DEFAULT_BUDGETS.email_request),
  RATE_LIMIT_COMMENT: budgetEnv(budgetScopes, DEFAULT_BUDGETS.comment),
  RATE_LIMIT_UPLOAD: budgetEnv(['ip', 'global'] as const, DEFAULT_BUDGETS.upload),
  /** Portal sign-in links: per address asking, per email address (target) and global. */
  RATE_LIMIT_PORTAL_SIGN_IN: budgetEnv(budgetScopes, DEFAULT_BUDGETS.portal_sign_in),
  RATE_LIMIT_PUBLIC_READ: budgetEnv(['ip', 'global'] as const, DEFAULT_BUDGETS.public_read),
  /** ip: failed logins per address across accounts; account: failures per account from addresses it never signed in from; global: attempts. */
  RATE_LIMIT_LOGIN: budgetEnv(['ip', 'account', 'global'] as const, DEFAULT_LOGIN_BUDGETS),
  /** Failed logins of one account from one address before each further try waits (doubling, up to LOGIN_BACKOFF_MAX_MS). */
  LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).default(10),
  LOGIN_BACKOFF_MAX_MS: z.coerce.number().int().min(1000).default(15 * 60_000),
  /** Mails (EMAIL US acknowledgements, chat recaps) one address that never proved itself gets per hour; more are not sent. */
  UNVERIFIED_MAIL_PER_HOUR: z.coerce.number().int().min(0).default(5),
  /**
   * How often each node reads the newest event seq and sends `log:head` to its sockets for events no node published
   * live (admin CLI changes; other nodes' events while Redis is down). 0 turns the check off.
   */
  LOG_HEAD_WATCH_MS: z.coerce.number().int().nonnegative().default(2_000),
  /** Comment-page uploads no comment carries are deleted (row and file) once older than this (uploads/unsent-upload-sweeper.ts). */
  UNSENT_UPLOAD_MAX_AGE_MS: z.coerce.number().int().min(60_000).default(24 * 3_600_000),
  /** How long a portal sign-in link works (it works once). */
  PORTAL_LINK_TTL_MS: z.coerce.number().int().min(60_000).default(30 * 60_000),
  /** How long a portal session lasts after sign-in (sign-out ends it sooner). */
  PORTAL_SESSION_TTL_MS: z.coerce.number().int().min(60_000).default(30 * 24 * 3_600_000),
  /** How often the daily-digest loop looks for followers whose digest is due (help/help-digest-loop.ts). */
  HELP_DIGEST_CHECK_MS: z.coerce.number().int().min(1_000).default(15 * 60_000),
  /** Hosts whose videos an article may embed (a link alone on its line), comma-separated; empty: no embeds. */
  HELP_VIDEO_HOSTS: z.string().default('www.youtube.com,youtube.com,youtu.be,player.vimeo.com,vimeo.com'),
  /** The inbound SMTP listener's port; unset: no listener (department addresses are then only shown on Contacts). */
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Where the listener binds; default HOST. */
  INBOUND_SMTP_HOST: z.string().min(1).optional(),
  /** The largest mail accepted (advertised in EHLO SIZE; larger ones are refused with 552). */
  INBOUND_MAX_BYTES: z.coerce.number().int().min(1024).default(25 * 1024 * 1024),
  /** PEM files: both set, STARTTLS is offered; neither, it is not. */
  INBOUND_TLS_KEY: z.string().min(1).optional(),
  INBOUND_TLS_CERT: z.string().min(1).optional(),
}).superRefine((e, issues) => {
  if (e.METRICS === 'on' && !e.METRICS_TOKEN) issues.addIssue({ code: 'custom', path: ['METRICS_TOKEN'], message: 'required when METRICS=on' });
  if ((e.INBOUND_TLS_KEY === undefined) !== (e.INBOUND_TLS_CERT === undefined)) issues.addIssue({ code: 'custom', path: ['INBOUND_TLS_CERT'], message: 'INBOUND_TLS_KEY and INBOUND_TLS_CERT go together' });
  if (e.DRAIN_DELAY_MS >= e.DRAIN_TIMEOUT_MS) issues.addIssue({ code: 'custom', path: ['DRAIN_DELAY_MS'], message: 'must be shorter than DRAIN_TIMEOUT_MS' });
});

export interface Config {
  port: number;
  /** NODE_ID, or null: host name and port (see ops/node-identity.ts). */
  nodeId: string | null;
  host: string;
  dataDir: string;
  publicUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  databaseUrl: string | null;
  redisUrl: string | null;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Null until resolved by `resolveSecret` (env or DATA_DIR/secret). */
  secret: string | null;
  chatIdleTimeoutMs: number;
  specialistGraceMs: number;
  accessTokenTtlMs: number;
  refreshTokenTtlMs: number;
  commentLinkTtlMs: number;
  maxUploadBytes: number;
  groupCommit: boolean;
  demoPassword: string | null;
  widgetDir: string;
  automationIntervalMs: number;
  chatSweepIntervalMs: number;
  mailRetryMaxMs: number;
  mailPollIntervalMs: number;
  incident: { threshold: number; windowMs: number };
  accountManagementEmail: string | null;
  statsTimeZone: string;
  /** Null while METRICS=off; the bearer token /metrics requires otherwise. */
  metricsToken: string | null;
  drain: { delayMs: number; timeoutMs: number };
  socketPing: { intervalMs: number; timeoutMs: number };
  /** CSP frame-ancestors sources of the customer page. */
  frameAncestors: string[];
  /** Origins accepted on /visitor; null = PUBLIC_URL's origin (read when a socket connects). */
  widgetOrigins: string[] | null;
  /** Null: the TCP peer is the client. Otherwise which hops may forward a client address (X-Forwarded-For). */
  trustProxy: ProxyTrust | null;
  budgets: Record<StrangerOperation, BudgetSpec>;
  login: { budgets: LoginBudgetSpec; freeFailures: number; backoffMaxMs: number };
  unverifiedMailPerHour: number;
  /** How often the log head watcher looks (sockets/log-head-watcher.ts); 0: off. */
  logHeadWatchMs: number;
  unsentUploadMaxAgeMs: number;
  portal: { linkTtlMs: number; sessionTtlMs: number };
  help: { digestCheckMs: number; videoHosts: readonly string[] };
  /** Null: no inbound SMTP listener. */
  inbound: { port: number; host: string; maxBytes: number; tls: { keyFile: string; certFile: string } | null } | null;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Parses an environment (defaults to process.env); a readable message instead of a throw when it is wrong. */
export function loadConfig(env: Record<string, string | undefined> = process.env): ConfigResult {
  // Empty strings mean "unset" the way shells and .env files write them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    return { ok: false, message: `Invalid configuration:\n${lines.join('\n')}` };
  }
  const e = parsed.data;
  return {
    ok: true,
    config: {
      port: e.PORT,
      nodeId: e.NODE_ID ?? null,
      host: e.HOST,
      dataDir: e.DATA_DIR,
      publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`).replace(/\/$/, ''),
      smtpUrl: e.SMTP_URL ?? null,
      mailFrom: e.MAIL_FROM,
      databaseUrl: e.DATABASE_URL ?? null,
      redisUrl: e.REDIS_URL ?? null,
      logLevel: e.LOG_LEVEL,
      secret: e.SECRET ?? null,
      chatIdleTimeoutMs: e.CHAT_IDLE_TIMEOUT_MS,
      specialistGraceMs: e.SPECIALIST_GRACE_MS,
      accessTokenTtlMs: e.ACCESS_TOKEN_TTL_MS,
      refreshTokenTtlMs: e.REFRESH_TOKEN_TTL_MS,
      commentLinkTtlMs: e.COMMENT_LINK_TTL_MS,
      maxUploadBytes: e.MAX_UPLOAD_BYTES,
      groupCommit: e.GROUP_COMMIT,
      demoPassword: e.DEMO_PASSWORD ?? null,
      widgetDir: e.WIDGET_DIR,
      automationIntervalMs: e.AUTOMATION_INTERVAL_MS,
      chatSweepIntervalMs: e.CHAT_SWEEP_INTERVAL_MS,
      mailRetryMaxMs: e.MAIL_RETRY_MAX_MS,
      mailPollIntervalMs: e.MAIL_POLL_INTERVAL_MS,
      incident: { threshold: e.INCIDENT_THRESHOLD, windowMs: e.INCIDENT_WINDOW_MS },
      accountManagementEmail: e.ACCOUNT_MANAGEMENT_EMAIL ?? null,
      statsTimeZone: e.STATS_TIME_ZONE,
      metricsToken: e.METRICS === 'on' ? (e.METRICS_TOKEN ?? null) : null,
      drain: { delayMs: e.DRAIN_DELAY_MS, timeoutMs: e.DRAIN_TIMEOUT_MS },
      socketPing: { intervalMs: e.SOCKET_PING_INTERVAL_MS, timeoutMs: e.SOCKET_PING_TIMEOUT_MS },
      frameAncestors: e.FRAME_ANCESTORS,
      widgetOrigins: e.WIDGET_ORIGINS ?? null,
      trustProxy: e.TRUST_PROXY,
      budgets: { chat_request: e.RATE_LIMIT_CHAT_REQUEST, email_request: e.RATE_LIMIT_EMAIL_US, comment: e.RATE_LIMIT_COMMENT, upload: e.RATE_LIMIT_UPLOAD, portal_sign_in: e.RATE_LIMIT_PORTAL_SIGN_IN, public_read: e.RATE_LIMIT_PUBLIC_READ },
      login: { budgets: e.RATE_LIMIT_LOGIN, freeFailures: e.LOGIN_FREE_FAILURES, backoffMaxMs: e.LOGIN_BACKOFF_MAX_MS },
      unverifiedMailPerHour: e.UNVERIFIED_MAIL_PER_HOUR,
      logHeadWatchMs: e.LOG_HEAD_WATCH_MS,
      unsentUploadMaxAgeMs: e.UNSENT_UPLOAD_MAX_AGE_MS,
      portal: { linkTtlMs: e.PORTAL_LINK_TTL_MS, sessionTtlMs: e.PORTAL_SESSION_TTL_MS },
      help: { digestCheckMs: e.HELP_DIGEST_CHECK_MS, videoHosts: e.HELP_VIDEO_HOSTS.split(',').map((h) => h.trim().toLowerCase()).filter((h) => h !== '') },
      inbound:
        e.INBOUND_SMTP_PORT === undefined
          ? null
          : {
              port: e.INBOUND_SMTP_PORT,
              host: e.INBOUND_SMTP_HOST ?? e.HOST,
              maxBytes: e.INBOUND_MAX_BYTES,
              tls: e.INBOUND_TLS_KEY && e.INBOUND_TLS_CERT ? { keyFile: e.INBOUND_TLS_KEY, certFile: e.INBOUND_TLS_CERT } : null,
            },
    },
  };
}
