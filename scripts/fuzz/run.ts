import { DataSource } from 'typeorm';
import { buildClientSchema, getIntrospectionQuery, IntrospectionQuery } from 'graphql';
import { REGISTRY } from '../../app/registry';
import type { Config } from '../../platform/config';
import { CallPolicy, FuzzRequest, GeneratorContext, mixed, mustReject, OperationRequest, replay } from './cases';
import { loadFixtures } from './fixtures';
import { LogEntry, TestServer } from './harness';
import {
  applicationTables,
  changedRows,
  changeMark,
  checksums,
  errorTexts,
  installChangeCounter,
  isInternal,
  isRejected,
  leakIn,
  requestStrings,
  ResponseError,
} from './oracle';
import { Random } from './random';

/**
 * The server the fuzzer attacks: production's GraphQL posture (introspection
 * only when signed in, no suggestions, which the leak check then enforces),
 * and rate limits out of the way, since one client sends everything.
 */
export function fuzzTarget(config: Config): Config {
  return {
    ...config,
    graphql: { ...config.graphql, introspection: 'authenticated', fieldSuggestions: false },
    rateLimit: { ...config.rateLimit, perUser: 10_000_000, perIp: 10_000_000 },
  };
}

export interface FuzzOptions {
  readonly total: number;
  readonly seed: number;
  /** Requests per batch; batches of refused-only requests are checksummed. */
  readonly batchSize?: number;
  /** Progress lines, for long runs. */
  readonly progress?: (line: string) => void;
  /** The schema owner's connection, to install the change counter when the app runs on a restricted role. */
  readonly owner?: DataSource;
}

export interface FuzzSummary {
  requests: number;
  rejected: number;
  accepted: number;
  fiveXX: number;
  leaks: number;
  changedRowsByRejected: number;
  unexpectedAccepts: number;
  replays: number;
  replayMismatches: number;
  logErrors: number;
  unhandledRejections: number;
  unhealthy: number;
  checksummedBatches: number;
  httpRequests: number;
  byKind: Record<string, { requests: number; rejected: number }>;
  /** The first few problems, with enough to reproduce them. */
  problems: string[];
  ms: number;
}

export function summaryLine(s: FuzzSummary): string {
  return `requests=${s.requests} rejected=${s.rejected} accepted=${s.accepted} 5xx=${s.fiveXX} leaks=${s.leaks} changedRowsByRejected=${s.changedRowsByRejected}`;
}

export function detailLine(s: FuzzSummary, seed: number): string {
  return (
    `seed=${seed} http=${s.httpRequests} unexpectedAccepts=${s.unexpectedAccepts} replays=${s.replays} replayMismatches=${s.replayMismatches} ` +
    `logErrors=${s.logErrors} unhandledRejections=${s.unhandledRejections} unhealthy=${s.unhealthy} checksummedBatches=${s.checksummedBatches} ms=${s.ms}`
  );
}

interface Outcome {
  status: number;
  errors: ResponseError[];
  data: Record<string, unknown> | null | undefined;
  /** A body that was not GraphQL JSON. */
  raw?: string;
}

const MAX_PROBLEMS = 20;

const allowedBy: CallPolicy = (op, user) => {
  const roles = REGISTRY.access.operations[op.kind === 'query' ? 'Query' : 'Mutation'][op.field.name] ?? [];
  return user.roles.some((r) => (roles as readonly string[]).includes(r));
};

async function send(server: TestServer, request: FuzzRequest): Promise<Outcome> {
  if (request.via === 'operation') {
    const authorization = 'email' in request.as ? await server.bearer(request.as.email) : request.as.authorization;
    const result = await server.execute(authorization, request.query, request.variables);
    return { status: result.status ?? 200, errors: result.body.errors ?? [], data: result.body.data };
  }
  const headers = { ...request.headers, ...(request.email ? { authorization: await server.bearer(request.email) } : {}) };
  const response = await server.http(request.path, { method: request.method, headers, body: request.body });
  try {
    const body = JSON.parse(response.text) as { data?: Record<string, unknown> | null; errors?: ResponseError[] };
    return { status: response.status, errors: body.errors ?? [], data: body.data };
  } catch {
    return { status: response.status, errors: [], data: undefined, raw: response.text };
  }
}

/**
 * Sends `total` generated requests, one at a time (so each request's row
 * changes are its own), and checks every response. Server log lines at
 * error level and unhandled rejections are counted from `log`.
 */
export async function runFuzz(server: TestServer, log: readonly LogEntry[], options: FuzzOptions): Promise<FuzzSummary> {
  const started = Date.now();
  const random = new Random(options.seed);
  const batchSize = options.batchSize ?? 100;
  const { dataSource } = server.deps;
  const tables = await applicationTables(dataSource);
  await installChangeCounter(options.owner ?? dataSource, tables);

  const admin = 'admin@samverka.test';
  const introspection = await server.as(admin, getIntrospectionQuery());
  if (!introspection.body.data) throw new Error(`introspection failed: ${JSON.stringify(introspection.body.errors)}`);
  const schema = buildClientSchema(introspection.body.data as unknown as IntrospectionQuery);
  const { graphql, http } = server.deps.config;
  // Rows the fuzzer creates (reports, notifications) become targets for the requests that follow.
  const context = async (): Promise<GeneratorContext> => ({
    random,
    schema,
    fixtures: await loadFixtures(dataSource),
    now: server.deps.clock.now(),
    secret: server.deps.config.auth.devSecret ?? '',
    bodyLimitBytes: http.bodyLimitBytes,
    maxDepth: graphql.maxDepth,
    maxAliases: graphql.maxAliases,
    maxTokens: graphql.maxTokens,
    maxDirectives: graphql.maxDirectives,
    maxCost: graphql.maxCost,
  });
  let ctx = await context();

  const s: FuzzSummary = {
    requests: 0,
    rejected: 0,
    accepted: 0,
    fiveXX: 0,
    leaks: 0,
    changedRowsByRejected: 0,
    unexpectedAccepts: 0,
    replays: 0,
    replayMismatches: 0,
    logErrors: 0,
    unhandledRejections: 0,
    unhealthy: 0,
    checksummedBatches: 0,
    httpRequests: 0,
    byKind: {},
    problems: [],
    ms: 0,
  };
  const problem = (what: string, request: FuzzRequest, outcome?: Outcome) => {
    if (s.problems.length >= MAX_PROBLEMS) return;
    const shown =
      request.via === 'operation'
        ? {
            kind: request.kind,
            as: request.as,
            query: request.query.slice(0, 400),
            variables: JSON.stringify(request.variables ?? {}).slice(0, 400),
          }
        : {
            kind: request.kind,
            method: request.method,
            path: request.path.slice(0, 200),
            headers: request.headers,
            body: request.body?.slice(0, 400),
          };
    s.problems.push(
      `${what}: ${JSON.stringify(shown)} -> ${JSON.stringify(outcome ? { status: outcome.status, errors: outcome.errors, raw: outcome.raw?.slice(0, 400) } : null).slice(0, 800)}`,
    );
  };
  const onUnhandled = (reason: unknown) => {
    s.unhandledRejections += 1;
    if (s.problems.length < MAX_PROBLEMS) s.problems.push(`unhandled rejection: ${String(reason).slice(0, 300)}`);
  };
  process.on('unhandledRejection', onUnhandled);
  const replayable: { request: OperationRequest; id: string }[] = [];
  const logStart = log.length;

  // Requests run one at a time and nothing else writes, so the rows counted since the last request are this one's.
  let mark = await changeMark(dataSource);
  const one = async (request: FuzzRequest) => {
    let outcome: Outcome;
    try {
      outcome = await send(server, request);
    } catch (error) {
      outcome = { status: 500, errors: [{ message: String(error), extensions: { code: 'INTERNAL_SERVER_ERROR' } }], data: undefined };
    }
    const before = mark;
    mark = await changeMark(dataSource);
    const changed = mark - before;
    const rejected = isRejected(outcome.status, outcome.errors);
    s.requests += 1;
    if (request.via === 'http') s.httpRequests += 1;
    const kind = (s.byKind[request.kind] ??= { requests: 0, rejected: 0 });
    kind.requests += 1;
    if (rejected) {
      s.rejected += 1;
      kind.rejected += 1;
    } else {
      s.accepted += 1;
    }
    if (isInternal(outcome.status, outcome.errors)) {
      s.fiveXX += 1;
      problem('5xx', request, outcome);
    }
    const echoes =
      request.via === 'operation'
        ? requestStrings(request.query, request.variables)
        : requestStrings(request.body, request.path, decodeURIComponent(request.path), request.headers);
    const leak = [...errorTexts(outcome.errors), ...(outcome.raw !== undefined ? [outcome.raw] : [])]
      .map((t) => leakIn(t, echoes))
      .find(Boolean);
    if (leak) {
      s.leaks += 1;
      problem(`leak (${leak})`, request, outcome);
    }
    if (rejected && changed > 0) {
      s.changedRowsByRejected += changed;
      problem(`${changed} rows changed by a refused request`, request, outcome);
    }
    if (request.mustReject && !rejected) {
      s.unexpectedAccepts += 1;
      problem('accepted although it must be refused', request, outcome);
    }
    if (request.expectId !== undefined) {
      s.replays += 1;
      const ids = Object.values(outcome.data ?? {}).map((v) => (v as { id?: string } | null)?.id);
      if (rejected || changed > 0 || !ids.includes(request.expectId)) {
        s.replayMismatches += 1;
        problem(`replay gave ${JSON.stringify(ids)} and changed ${changed} rows, expected ${request.expectId} and none`, request, outcome);
      }
    }
    if (!rejected && request.via === 'operation' && request.replayable) {
      const id = Object.values(outcome.data ?? {})
        .map((v) => (v as { id?: string } | null)?.id)
        .find(Boolean);
      if (id) replayable.push({ request, id });
    }
  };

  const healthy = async () => {
    const health = await server.http('/healthz').catch(() => ({ status: 0, text: '' }));
    const database = await dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    if (health.status !== 200 || !database) {
      s.unhealthy += 1;
      if (s.problems.length < MAX_PROBLEMS)
        s.problems.push(`unhealthy after ${s.requests} requests: healthz=${health.status} database=${database}`);
    }
  };

  let batch = 0;
  try {
    while (s.requests < options.total) {
      const size = Math.min(batchSize, options.total - s.requests);
      // Refused-only and mixed batches alternate, so the mix does not hang on how many draws the generators took.
      if (batch++ % 2 === 0) {
        // Refused-only: the tables must be exactly as before.
        const before = await checksums(dataSource, tables);
        for (let i = 0; i < size; i++) await one(await mustReject(ctx, allowedBy));
        const changed = changedRows(before, await checksums(dataSource, tables));
        s.checksummedBatches += 1;
        if (changed > 0) {
          s.changedRowsByRejected += changed;
          if (s.problems.length < MAX_PROBLEMS)
            s.problems.push(`checksums changed by a batch of refused requests (${changed} rows) before request ${s.requests}`);
        }
      } else {
        for (let i = 0; i < size; i++) {
          if (replayable.length && random.chance(0.08)) {
            const original = random.pick(replayable);
            await one(replay(original.request, original.id, random));
          } else {
            await one(mixed(ctx, allowedBy));
          }
        }
      }
      await healthy();
      ctx = await context();
      options.progress?.(`${summaryLine(s)} (${Math.round((Date.now() - started) / 1000)} s)`);
    }
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
  await healthy();
  const errors = log.slice(logStart).filter((e) => e.level === 'error' || e.level === 'fatal');
  s.logErrors = errors.length;
  for (const e of errors.slice(0, 5))
    if (s.problems.length < MAX_PROBLEMS) s.problems.push(`server log: ${JSON.stringify(e).slice(0, 500)}`);
  s.ms = Date.now() - started;
  return s;
}
