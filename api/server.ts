import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { NextFunction, Request, Response } from 'express';
import { writeAuditEvents } from '../db/audit/audit.writer';
import { AppError, Unauthenticated } from '../domain/errors';
import { bearerToken, createTokenVerifier, TokenVerifier } from './auth/token-verifier';
import { loadViewer } from './auth/viewer.loader';
import { AuditBuffer } from './audit/audit-buffer';
import { AppDeps, RequestContext, Viewer } from './context';
import { formatError, INTERNAL_MESSAGE } from './errors/format-error';
import { createLoaders } from './loaders';
import { buildAppSchema } from './schema';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The per-request context: the viewer's scope, loaders and audit buffer, built once. */
export async function buildContext(deps: AppDeps, verifyToken: TokenVerifier, authorization: string | undefined, requestId: string = randomUUID()): Promise<RequestContext> {
  const token = bearerToken(authorization);
  let viewer: Viewer | null = null;
  let authError: Unauthenticated | undefined;
  if (token) {
    try {
      viewer = await loadViewer(deps.dataSource, await verifyToken(token));
    } catch (error) {
      if (!(error instanceof Unauthenticated)) throw error;
      authError = error;
    }
  }
  const scope = viewer?.scope ?? null;
  return {
    requestId,
    viewer,
    authError,
    deps,
    loaders: createLoaders(deps.dataSource.manager, scope),
    audit: new AuditBuffer(
      requestId,
      { userId: scope?.userId ?? null, agencyId: scope?.agencyId ?? null, roles: scope ? [...scope.roles] : [] },
      () => deps.clock.now(),
    ),
  };
}

function requestIdOf(req: Request): string {
  const given = req.header('x-request-id');
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Flushes the request's audit reads; if the audit cannot be written, no data leaves. */
function auditPlugin(deps: AppDeps): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const events = contextValue.audit.drain();
          try {
            await writeAuditEvents(deps.dataSource.manager, events);
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
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<RequestContext>({
    schema: await buildAppSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    introspection: deps.config.nodeEnv !== 'production',
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), auditPlugin(deps), requestIdOnErrors()],
  });
  await apollo.start();

  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    const checks = await readiness(deps);
    res.status(checks.ready ? 200 : 503).json(checks);
  });

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => buildContext(deps, verifyToken, req.header('authorization'), requestIdOf(req)),
    }),
  );

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
    stop: () => apollo.stop(),
  };
}

async function readiness(deps: AppDeps): Promise<{ ready: boolean; database: boolean; queue: boolean }> {
  const database = await deps.dataSource.query('SELECT 1').then(() => true, () => false);
  const queue = await deps.jobs.ping().then(() => true, () => false);
  return { ready: database && queue, database, queue };
}
