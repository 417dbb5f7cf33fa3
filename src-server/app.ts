// The server as a function of its dependencies: createApp({ config, db, clock, mailer, log }) → { fastify, io, start(), stop() }.
import { hostname } from 'node:os';
import type { Socket as NetSocket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { nodeIdentity } from './ops/node-identity';
import { releaseEarlierClaims } from './db/earlier-claims';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { Server as SocketServer } from 'socket.io';
import { createClient } from 'redis';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Logger } from 'pino';
import { VISITOR_NAMESPACE } from '../src-shared/protocol/visitor';
import { AGENT_NAMESPACE } from '../src-shared/protocol/agent';
import type { Config } from './config';
import type { Clock } from './clock';
import type { DbHandle } from './db/connection';
import { migrate } from './db/migrations';
import { withStartupLock } from './db/startup-lock';
import { LATEST_VERSION, schemaVersion } from './db/migrations';
import { countQueuedByDepartment } from './db/conversations';
import { outboxStats } from './db/mail-outbox';
import { Readiness } from './ops/readiness';
import { createServerMetrics } from './ops/metrics';
import { countingAcceptedMessages } from './ops/accepted-messages';
import { drainNode, type DrainOutcome } from './ops/drain';
import { registerOpsRoutes } from './http/ops-routes';
import { WriteQueue } from './db/write-queue';
import type { Mailer } from './email/mailer';
import type { ServerContext } from './context';
import { resolveSecret } from './auth/secret';
import { seedIfEmpty, type SeededAccount } from './seed';
import { ChatService } from './chat/chat-service';
import { TicketService } from './tickets/ticket-service';
import { UploadService } from './uploads/upload-service';
import { NoticeService } from './notices/notice-service';
import { IncidentService } from './incidents/incident-service';
import { socketBroadcaster } from './sockets/broadcaster';
import { attachVisitorNamespace, type VisitorNamespace } from './sockets/visitor-namespace';
import { attachAgentNamespace, signOutSpecialist, type AgentNamespace } from './sockets/agent-namespace';
import { announceLogHead, onRedisRecovered } from './sockets/log-head';
import { LogHeadWatcher, watchedBroadcaster } from './sockets/log-head-watcher';
import { latestSeq } from './db/events';
import type { AdminDeps } from './admin/admin-deps';
import { registerApiRoutes } from './http/api-routes';
import { registerUploadRoutes } from './http/upload-routes';
import { registerPortalRoutes } from './http/portal-routes';
import { registerStatusRoutes } from './http/status-routes';
import { registerHelpRoutes } from './http/help-routes';
import { registerHelpImageRoutes } from './http/help-image-routes';
import { registerHelpFollowRoutes } from './http/help-follow-routes';
import { registerHelpSuggestRoutes } from './http/help-suggest-routes';
import { registerWidgetRoutes } from './http/widget-routes';
import { pageHeaders, registerSecurityHeaders } from './http/security-headers';
import { registerServerRoot } from './http/server-root';
import { errorAnswerOptions, registerErrorAnswers } from './http/error-answers';
import { eventParser } from './sockets/event-parser';
import { AGENT_ORIGINS, guardOrigins, visitorOrigins } from './sockets/origin-policy';
import { FRAME_MAX_BYTES } from '../src-shared/protocol/frame-limits';
import { automationStore } from './tickets/automation-store';
import { startAutomationLoop, type AutomationLoop } from './automation/automation-loop';
import { startUnsentUploadSweeper, type UnsentUploadSweeper } from './uploads/unsent-upload-sweeper';
import { startDigestLoop, type DigestLoop } from './help/help-digest-loop';
import { createAutomationMailer } from './automation/automation-mail';
import { commentUrl } from './email/customer-mail';
import { queueMailNow } from './email/mail-queue';
import { startMailDeliveryLoop, type MailDeliveryLoop } from './email/mail-delivery-loop';
import { DEFAULT_RETRY_POLICY } from './email/mail-retry';
import { limiterFactory } from './budgets/limiter-store';
import { StrangerBudgets } from './budgets/stranger-budgets';
import { LoginGuard } from './auth/login-guard';
import { InboundProcessor } from './inbound/inbound-processor';
import { HelpAuthoring } from './help/help-authoring';
import { startInboundMail, type InboundMail } from './inbound/inbound-mail-service';

export interface AppDeps {
  config: Config;
  db: DbHandle;
  clock: Clock;
  mailer: Mailer;
  log: Logger;
  /** Seed demo accounts on an empty database (main does; tests usually create their own). */
  seedAccounts?: boolean;
}

export interface App {
  fastify: FastifyInstance;
  io: SocketServer;
  ctx: ServerContext;
  chat: ChatService;
  tickets: TicketService;
  uploads: UploadService;
  /** Migrates, seeds, listens; resolves with the bound port and the demo credentials created on this start. */
  start(): Promise<{ port: number; url: string; seeded: SeededAccount[] }>;
  /** Graceful: stop accepting, finish queued writes, then cut every client connection; close the database and mailer. */
  stop(): Promise<void>;
  /** Runs an automation pass now (after any pass in progress); tests drive it after moving the fake clock. */
  runAutomationNow(): Promise<void>;
  /** Deletes the comment-page uploads never sent and older than UNSENT_UPLOAD_MAX_AGE_MS now; resolves with how many. */
  sweepUnsentUploadsNow(): Promise<number>;
  /** /ready's state: started, draining, database and Redis checks. */
  readiness: Readiness;
  /** SIGTERM: not ready at once, stop() after DRAIN_DELAY_MS, all bounded by DRAIN_TIMEOUT_MS (ops/drain.ts). */
  drain(): Promise<DrainOutcome>;
  /** Runs a mail outbox pass now (after any pass in progress); tests drive it after moving the fake clock. */
  runMailNow(): Promise<void>;
  /** Queues the help center's daily digests due now (after any pass in progress); resolves with how many. */
  runHelpDigestNow(): Promise<number>;
  /** The inbound SMTP listener's bound port once started; null without INBOUND_SMTP_PORT. */
  readonly inboundSmtpPort: number | null;
  /** Inbound processing started so far has finished (tests wait for it). */
  inboundIdle(): Promise<void>;
}

export async function createApp(deps: AppDeps): Promise<App> {
  const { config, clock, mailer, log } = deps;
  const secret = resolveSecret(config.secret, config.dataDir);
  const writes = new WriteQueue(deps.db.db, config.groupCommit, deps.db.dialect);
  const readiness = new Readiness({ schemaVersion: () => schemaVersion(deps.db.db), latestVersion: LATEST_VERSION, redisReady: () => (redis ? redis.isReady : null) });

  const fastify: FastifyInstance = Fastify({
    loggerInstance: log.child({ component: 'http' }) as unknown as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    // Fastify's own request lines carry the full URL (comment-link signatures); ours log the route pattern only.
    logController: new LogController({ disableRequestLogging: true }),
    ...errorAnswerOptions(log),
    // req.ip: the balancer's X-Forwarded-For only when TRUST_PROXY says whose (http/client-address.ts).
    trustProxy: config.trustProxy ?? false,
  });
  fastify.addHook('onResponse', async (req, reply) => {
    req.log.info({ method: req.method, route: req.routeOptions.url ?? 'unmatched', status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
  const io = new SocketServer(fastify.server, {
    serveClient: false,
    // Any origin may reach the handshake, so a refused one learns why (connect_error `forbidden`, sockets/origin-policy.ts).
    cors: { origin: true },
    // The hard cap; events over EVENT_MAX_BYTES below it are answered `too_large` (sockets/event-parser.ts).
    maxHttpBufferSize: FRAME_MAX_BYTES,
    parser: eventParser,
    pingInterval: config.socketPing.intervalMs,
    pingTimeout: config.socketPing.timeoutMs,
    // Draining: new handshakes are refused (clients retry with backoff and the balancer sends them elsewhere); open sessions carry on.
    allowRequest: (_req, answer) => answer(readiness.isDraining ? 'draining' : null, !readiness.isDraining),
  });
  // Several nodes: socket.io's Redis streams adapter relays room emits between them (sticky sessions in front).
  const redis = config.redisUrl ? createClient({ url: config.redisUrl }) : null;
  if (redis) {
    redis.on('error', (e: unknown) => log.error({ err: e }, 'redis error'));
    await redis.connect();
    io.adapter(createAdapter(redis));
  }
  const visitors = io.of(VISITOR_NAMESPACE) as VisitorNamespace;
  const agents = io.of(AGENT_NAMESPACE) as AgentNamespace;
  // While Redis is down emits stay on this node (sockets/broadcaster.ts); when it is back, tell our sockets where the log stands.
  const relayUp = redis ? () => redis.isReady : undefined;
  // Events no node published live (admin CLI changes, other nodes' while Redis is down) reach our sockets as a log:head.
  const headWatcher = new LogHeadWatcher({
    readHead: () => latestSeq(deps.db.db),
    announce: (seq) => {
      visitors.local.emit('log:head', { seq });
      agents.local.emit('log:head', { seq });
    },
    // Through the adapter, so the other nodes do not announce what reached every client already; not while it is down.
    report: redis ? (seq) => void (redis.isReady && io.serverSideEmit('log:published', seq)) : undefined,
    // Changes from where no live effect reaches (the command line): close the sockets of changed accounts, route.
    foreignChange: async () => {
      await agentHooks.closeStaleSockets();
      await chat.route();
    },
    intervalMs: config.logHeadWatchMs,
    log: log.child({ component: 'log-head' }),
  });
  if (redis) io.on('log:published', (seq: unknown) => headWatcher.sawPeer(Number(seq)));
  if (redis) {
    onRedisRecovered(redis, () => {
      void announceLogHead({ db: deps.db.db, namespaces: [visitors, agents], log }).then((seq) => seq !== null && headWatcher.sawAnnounced(seq));
    });
  }
  const metrics = config.metricsToken
    ? createServerMetrics({
        socketsConnected: () => [
          { namespace: VISITOR_NAMESPACE, count: visitors.sockets.size },
          { namespace: AGENT_NAMESPACE, count: agents.sockets.size },
        ],
        queuedByDepartment: () => countQueuedByDepartment(deps.db.db),
        mailOutbox: () => outboxStats(deps.db.db),
        ...(redis ? { redisConnected: () => redis.isReady } : {}),
      })
    : null;
  if (metrics) writes.observeBatches((b) => metrics.observeBatch(b));

  let mailDelivery: MailDeliveryLoop | null = null;
  // Budgets count in Redis when there is one (shared by every node), with each node's memory as the fallback.
  const limiters = limiterFactory({ redis, log: log.child({ component: 'budgets' }) });
  const ctx: ServerContext = {
    config,
    secret,
    db: deps.db.db,
    dialect: deps.db.dialect,
    writes,
    clock,
    mailer,
    log,
    broadcaster: watchedBroadcaster(
      metrics ? countingAcceptedMessages(socketBroadcaster(visitors, agents, relayUp), (author) => metrics.messageAccepted(author)) : socketBroadcaster(visitors, agents, relayUp),
      headWatcher,
    ),
    mailOutbox: { wake: () => mailDelivery?.wake() },
    budgets: {
      strangers: new StrangerBudgets(config.budgets, limiters),
      login: new LoginGuard({ db: deps.db.db, writes, clock, log }, config.login, limiters),
    },
  };
  const chat = new ChatService(ctx);
  const tickets = new TicketService(ctx);
  const uploads = new UploadService(ctx);
  const notices = new NoticeService(ctx);
  const incidents = new IncidentService(ctx, notices);
  const inbound = new InboundProcessor(ctx);
  const admin: AdminDeps = {
    db: ctx.db,
    writes,
    clock,
    effects: {
      publish: (events) => ctx.broadcaster.publish(events),
      // route() assigns what a change made assignable, then re-publishes availability and re-arms its next change.
      availabilityChanged: () => chat.route(),
      signOut: (specialistId) => signOutSpecialist(agents, specialistId),
    },
  };
  const startedAt = clock.now();

  await registerSecurityHeaders(fastify, config);
  await fastify.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 5 } });
  registerErrorAnswers(fastify, log);
  registerApiRoutes(fastify, ctx, chat, tickets, startedAt);
  registerOpsRoutes(fastify, readiness, metrics && config.metricsToken ? { registry: metrics, token: config.metricsToken } : null);
  registerUploadRoutes(fastify, ctx, chat, uploads, tickets);
  registerPortalRoutes(fastify, ctx, uploads);
  registerStatusRoutes(fastify, ctx);
  const pages = pageHeaders(config);
  registerHelpRoutes(fastify, ctx, pages);
  registerHelpImageRoutes(fastify, ctx, pages);
  registerHelpFollowRoutes(fastify, ctx, pages);
  registerHelpSuggestRoutes(fastify, ctx, pages);
  await registerWidgetRoutes(fastify, config.widgetDir, pages);
  registerServerRoot(fastify, pages);
  // Read per handshake: PUBLIC_URL (the default widget origin) can be set after start (tests do).
  guardOrigins(visitors, () => visitorOrigins(ctx.config.widgetOrigins ?? [new URL(ctx.config.publicUrl).origin]));
  guardOrigins(agents, () => AGENT_ORIGINS);

  attachVisitorNamespace(visitors, ctx, chat, notices);
  const agentHooks = attachAgentNamespace(agents, ctx, { chat, tickets, notices, incidents, admin, inbound, help: new HelpAuthoring(ctx) });

  // Every TCP connection, so stop() can end the ones a browser keeps open (keep-alive, half-sent requests, websockets).
  const connections = new Set<NetSocket>();
  fastify.server.on('connection', (socket: NetSocket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });

  let stopping: Promise<void> | null = null;
  let automation: AutomationLoop | null = null;
  let uploadSweeper: UnsentUploadSweeper | null = null;
  let helpDigest: DigestLoop | null = null;
  let inboundMail: InboundMail | null = null;
  return {
    fastify,
    io,
    ctx,
    chat,
    tickets,
    uploads,
    readiness,
    get inboundSmtpPort() {
      return inboundMail?.port ?? null;
    },
    inboundIdle: () => inbound.idle(),
    async start() {
      // Nodes starting together on one PostgreSQL take turns: the first migrates and seeds, the others find it done.
      const seeded = await withStartupLock(deps.db.db, deps.db.dialect, async (db) => {
        await migrate(db, deps.db.dialect, clock.now());
        return seedIfEmpty({ db, clock }, { demoPassword: config.demoPassword, accounts: deps.seedAccounts ?? false });
      });
      const startedAt = clock.now();
      const { id: nodeId, stable } = nodeIdentity({ nodeId: config.nodeId, hostname: hostname(), port: config.port, unique: () => `${process.pid}:${randomUUID().slice(0, 8)}` });
      // Before anything can queue mail; its first pass sends what an earlier run (or a node that died) left queued.
      mailDelivery = startMailDeliveryLoop({
        db: ctx.db,
        write: (job) => writes.run(job),
        mailer,
        clock,
        log: log.child({ component: 'mail' }),
        publish: (events) => ctx.broadcaster.publish(events),
        nodeId,
        mailFrom: config.mailFrom,
        policy: { ...DEFAULT_RETRY_POLICY, windowMs: config.mailRetryMaxMs },
        pollIntervalMs: config.mailPollIntervalMs,
      });
      await chat.start();
      headWatcher.start();
      automation = startAutomationLoop({
        port: automationStore(ctx),
        clock,
        mailer: createAutomationMailer({ mailer: { send: (m) => queueMailNow(ctx, m) }, commentUrl: (id) => commentUrl(ctx, id) }),
        log: log.child({ component: 'automation' }),
        nodeId,
        intervalMs: config.automationIntervalMs,
      });
      uploadSweeper = startUnsentUploadSweeper({
        write: (job) => writes.run(job),
        clock,
        filesDir: uploads.filesDir,
        log: log.child({ component: 'uploads' }),
        maxAgeMs: config.unsentUploadMaxAgeMs,
      });
      helpDigest = startDigestLoop({
        db: ctx.db,
        write: (job) => writes.run(job),
        clock,
        log: log.child({ component: 'help-digest' }),
        publicUrl: () => ctx.config.publicUrl,
        secret,
        wake: () => mailDelivery?.wake(),
        intervalMs: config.help.digestCheckMs,
      });
      // Mail a previous run accepted but did not finish first, then the listener (when INBOUND_SMTP_PORT is set).
      inboundMail = await startInboundMail(ctx, inbound);
      readiness.markStarted();
      await fastify.listen({ port: config.port, host: config.host });
      // Listening proves no other process of this identity runs here: the claims it left are dead.
      if (stable) {
        const released = await writes.run((db) => releaseEarlierClaims(db, nodeId, startedAt));
        if (released.mails + released.jobs > 0) log.warn({ nodeId, ...released }, 'released the claims an earlier run of this node left behind');
      }
      const addr = fastify.server.address();
      const port = typeof addr === 'object' && addr ? addr.port : config.port;
      const host = config.host.includes(':') ? `[${config.host}]` : config.host;
      log.info({ port, db: deps.db.dialect }, 'server listening');
      return { port, url: `http://${host}:${port}`, seeded };
    },
    async runAutomationNow() {
      // The first call joins a pass in progress (if any), the second is a fresh pass that sees everything before it.
      await automation?.runNow();
      await automation?.runNow();
    },
    sweepUnsentUploadsNow() {
      return uploadSweeper?.runNow() ?? Promise.resolve(0);
    },
    runHelpDigestNow() {
      return helpDigest?.runNow() ?? Promise.resolve(0);
    },
    async runMailNow() {
      await mailDelivery?.runNow();
      await mailDelivery?.runNow();
    },
    drain(this: App) {
      const markNotReady = () => {
        readiness.markDraining();
        // Sending servers keep the mail and retry elsewhere (or later): no new mail while this node drains.
        void inboundMail?.stopAccepting();
      };
      return drainNode({ markNotReady, stop: () => this.stop() }, { ...config.drain, log });
    },
    stop() {
      stopping ??= (async () => {
        readiness.markDraining();
        // No new mail, and the mail being processed commits (through the write queue) before it drains.
        await inboundMail?.stopAccepting();
        await inbound.idle();
        await headWatcher.stop();
        await chat.releaseLeases();
        chat.stop();
        await automation?.stop();
        await uploadSweeper?.stop();
        await helpDigest?.stop();
        await mailDelivery?.stop();
        // Writes already queued commit (and their callers are answered) before any client is cut off.
        await writes.drain();
        // io.close() disconnects every socket and closes the HTTP server, whose callback waits for every
        // connection to end: a keep-alive or half-sent request would hold it until the header timeout (60 s),
        // so the remaining connections are destroyed right away.
        const closed = new Promise<void>((resolve) => {
          io.close(() => resolve());
        });
        fastify.server.closeAllConnections();
        for (const socket of connections) socket.destroy();
        await closed;
        await fastify.close().catch(() => undefined);
        // A lost Redis connection would keep close() waiting on its reconnect loop; destroy() ends it at once.
        if (redis?.isReady) await redis.close().catch(() => undefined);
        else if (redis?.isOpen) redis.destroy();
        await writes.close();
        mailer.close();
        await deps.db.close();
        log.info('server stopped');
      })();
      return stopping;
    },
  };
}
