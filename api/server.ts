import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { AuditBatchWriter } from '../db/audit/audit-batch-writer';
import { writeAuditEvents } from '../db/audit/audit.writer';
import { databaseAnswers } from '../db/data-source';
import { AppError, Unauthenticated } from '../domain/errors';
import { bearerToken, createTokenVerifier, TokenVerifier } from './auth/token-verifier';
import { loadViewer } from './auth/viewer.loader';
import { requestDatabase } from '../db/access/request-connection';
import { AuditBuffer } from './audit/audit-buffer';
import { AppDeps, RequestContext, Viewer } from './context';
import { createFormatError, INTERNAL_MESSAGE } from './errors/format-error';
import { createLoaders } from './loaders';
import { buildAppSchema } from './schema';
import { QUEUE_DASHBOARD_PATH, queueDashboard } from './admin/queue-dashboard';
import { TALK_CALENDAR_PATH, talkCalendar } from './talks/talk-calendar.route';
import { WEB_AUTH_PATH, webSignIn } from './auth/web-sign-in';
import { COMPLIANCE_CSV_PATH, complianceExport, INDICATORS_CSV_PATH, indicatorsExport } from './indicators/indicators-export';
import { webApp } from './web/web-app';
import { corsPolicy, ensureBody, httpErrorHandler, notFound, requestId, securityHeaders } from './security/http-security';
import { introspectionPolicy } from './security/introspection';
import { queryLimits } from './security/query-limits';
import { createRateLimiter } from './security/rate-limiter';
import { ipRateLimit, userRateLimit } from './security/rate-limits';

/** The per-request context: the viewer's scope, loaders and audit buffer, built once. */
export async function buildContext(deps: AppDeps, verifyToken: TokenVerifier, authorization: string | undefined, requestId: string = randomUUID()): Promise<RequestContext> {
  const token = bearerToken(authorization);
  let viewer: Viewer | null = null;
  let authError: Unauthenticated | undefined;
  const db = requestDatabase(deps.dataSource);
  if (token) {
    try {
      viewer = await loadViewer(deps.dataSource, await verifyToken(token), deps.clock.now(), db);
    } catch (error) {
      if (!(error instanceof Unauthenticated)) {
        await db.release();
        throw error;
      }
      authError = error;
    }
  }
  const scope = viewer?.scope ?? null;
  return {
    requestId,
    viewer,
    authError,
    deps,
    db,
    loaders: createLoaders(db.manager, scope),
    audit: new AuditBuffer(
      requestId,
      { userId: scope?.userId ?? null, agencyId: scope?.agencyId ?? null, roles: scope ? [...scope.roles] : [] },
      () => deps.clock.now(),
    ),
  };
}

/** Flushes the request's audit reads; if the audit cannot be written, no data leaves. */
function auditPlugin(deps: AppDeps): ApolloServerPlugin<RequestContext> {
  const writer = new AuditBatchWriter((events) => writeAuditEvents(deps.dataSource.manager, events));
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const events = contextValue.audit.drain();
          try {
            // The request's connection goes back first: the batched audit write takes one from the pool.
            await contextValue.db.release();
            await writer.write(events);
          } catch (error) {
            deps.logger.error({ err: error, requestId: contextValue.requestId }, 'audit write failed; response withheld');
            if (response.body.kind === 'single') {
              response.body.singleResult = {
                errors: [{ message: INTERNAL_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: contextValue.requestId } }],
              };
            }
          }
        },
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            const original = error.originalError;
            if (original && !(original instanceof AppError) && !(error.extensions?.code)) {
              deps.logger.error({ err: original, requestId: contextValue.requestId, path: error.path }, 'unexpected resolver error');
            }
          }
        },
      };
    },
  };
}

/** Internal errors carry the request id, so support can find the log line. */
function requestIdOnErrors(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors) return;
          response.body.singleResult.errors = errors.map((e) =>
            e.extensions?.code === 'INTERNAL_SERVER_ERROR' ? { ...e, extensions: { ...e.extensions, requestId: contextValue.requestId } } : e);
        },
      };
    },
  };
}

export interface ApiServer {
  readonly app: express.Express;
  readonly httpServer: http.Server;
  readonly apollo: ApolloServer<RequestContext>;
  listen(port: number): Promise<number>;
  stop(): Promise<void>;
}

export async function createApiServer(deps: AppDeps, verifyToken: TokenVerifier = createTokenVerifier(deps.config.auth)): Promise<ApiServer> {
  const { config, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  // Responses are personal and never cached (Cache-Control: no-store): hashing each body for an ETag is wasted.
  app.set('etag', false);
  // Behind N proxies req.ip is the client's address from X-Forwarded-For; with none, the socket's.
  if (config.http.trustProxyHops > 0) app.set('trust proxy', config.http.trustProxyHops);
  const httpServer = http.createServer(app);
  const limiter = createRateLimiter({ redisUrl: config.redisUrl, windowMs: config.rateLimit.windowMs, logger });
  const limits = queryLimits(config.graphql);
  const apollo = new ApolloServer<RequestContext>({
    schema: await buildAppSchema(),
    formatError: createFormatError({ fieldSuggestions: config.graphql.fieldSuggestions }),
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    logger,
    // `authenticated` is decided per request by introspectionPolicy.
    introspection: config.graphql.introspection !== 'off',
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // No HTTP caching of personal data; the default cache-control plugin would also wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      ...(config.nodeEnv === 'production' ? [ApolloServerPluginLandingPageDisabled()] : []),
      ...limits.plugins,
      introspectionPolicy(config.graphql.introspection),
      userRateLimit(limiter, config.rateLimit),
      auditPlugin(deps),
      requestIdOnErrors(),
    ],
  });
  await apollo.start();

  app.use(requestId(), securityHeaders(config), corsPolicy(config.corsOrigins));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    const checks = await readiness(deps);
    res.status(checks.ready ? 200 : 503).json({ ...checks, status: !checks.ready ? 'down' : checks.down.length ? 'degraded' : 'ok' });
  });

  app.get(TALK_CALENDAR_PATH, ipRateLimit(limiter, config.rateLimit), talkCalendar(deps, verifyToken));

  if (deps.jobs.queues) {
    app.use(QUEUE_DASHBOARD_PATH, queueDashboard(deps.dataSource, verifyToken, deps.jobs.queues(), { secureCookies: config.nodeEnv === 'production', now: () => deps.clock.now() }));
  }

  app.use(
    '/graphql',
    ipRateLimit(limiter, config.rateLimit),
    express.json({ limit: config.http.bodyLimitBytes }),
    ensureBody(),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const context = await buildContext(deps, verifyToken, req.header('authorization'), res.locals.requestId as string);
        // Normally released before the audit write; this covers a request Apollo ends earlier.
        res.on('close', () => void context.db.release().catch(() => undefined));
        return context;
      },
    }),
  );
  app.use(WEB_AUTH_PATH, ipRateLimit(limiter, config.rateLimit), webSignIn(deps.dataSource, config));
  app.get(INDICATORS_CSV_PATH, ipRateLimit(limiter, config.rateLimit), indicatorsExport(deps.dataSource, verifyToken, deps.clock));
  app.get(COMPLIANCE_CSV_PATH, ipRateLimit(limiter, config.rateLimit), complianceExport(deps.dataSource, verifyToken, deps.clock));
  app.use(webApp(config));
  app.use(notFound());
  app.use(httpErrorHandler(logger, { bodyLimitBytes: config.http.bodyLimitBytes }));

  return {
    app,
    httpServer,
    apollo,
    listen: (port) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    async stop() {
      await apollo.stop();
      await limiter.close();
    },
  };
}

/** Each check gets this long; /readyz answers within it, whatever hangs. */
export const READINESS_CHECK_MS = 1_500;

function answersWithin(check: () => Promise<unknown>): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), READINESS_CHECK_MS);
    check().then(() => resolve(true), () => resolve(false)).finally(() => clearTimeout(timer));
  });
}

export interface Readiness {
  /** The API can serve: the database answers. Without the queue it serves degraded, and the reconciler catches up. */
  readonly ready: boolean;
  readonly database: boolean;
  readonly queue: boolean;
  /** What does not answer, by name. */
  readonly down: readonly ('database' | 'queue')[];
}

async function readiness(deps: AppDeps): Promise<Readiness> {
  const [database, queue] = await Promise.all([answersWithin(() => databaseAnswers(deps.dataSource).then((ok) => { if (!ok) throw new Error('database down'); })), answersWithin(() => deps.jobs.ping())]);
  const down = [...(database ? [] : ['database' as const]), ...(queue ? [] : ['queue' as const])];
  return { ready: database, database, queue, down };
}
