import { randomUUID } from 'node:crypto';
import { signDevToken } from '../../api/auth/dev-token';
import { createTokenVerifier, TokenVerifier } from '../../api/auth/token-verifier';
import { AppDeps } from '../../api/context';
import { ApiServer, buildContext, createApiServer } from '../../api/server';
import type { Config } from '../../platform/config';
import { createLogger, Logger } from '../../platform/logger';

/**
 * An API server over given dependencies, with its own configuration and a
 * logger whose lines are kept in memory, for the hardening tests and the fuzzer.
 */
export interface LogEntry {
  readonly level: string;
  readonly msg?: string;
  readonly [key: string]: unknown;
}

export function capturingLogger(level = 'info'): { logger: Logger; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const logger = createLogger(level, 'samverka', { write: (line: string) => void entries.push(JSON.parse(line) as LogEntry) });
  return { logger, entries };
}

export interface OperationResult {
  /** What HTTP would answer; undefined means 200. */
  readonly status?: number;
  readonly headers: ReadonlyMap<string, string>;
  readonly body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
}

export interface HttpResult {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export interface TestServer {
  readonly deps: AppDeps;
  readonly api: ApiServer;
  readonly verify: TokenVerifier;
  readonly port: number;
  readonly url: string;
  /** Through Apollo's executeOperation with a context from buildContext, as createTestApp does. */
  execute(authorization: string | undefined, query: string, variables?: Record<string, unknown>): Promise<OperationResult>;
  /** As a demo user (by email), or anonymous with null. */
  as(email: string | null, query: string, variables?: Record<string, unknown>): Promise<OperationResult>;
  bearer(email: string): Promise<string>;
  http(path: string, init?: RequestInit): Promise<HttpResult>;
  /** A JSON POST to /graphql, as a well-behaved client sends it. */
  post(body: unknown, headers?: Record<string, string>): Promise<HttpResult>;
  close(): Promise<void>;
}

export async function startTestServer(
  base: AppDeps,
  options: { config?: (config: Config) => Config; logger?: Logger } = {},
): Promise<TestServer> {
  const config = options.config ? options.config(base.config) : base.config;
  const deps: AppDeps = { ...base, config, logger: options.logger ?? base.logger };
  const verify = createTokenVerifier(config.auth);
  const api = await createApiServer(deps, verify);
  const port = await api.listen(0);
  const url = `http://127.0.0.1:${port}`;
  const tokens = new Map<string, string>();

  const bearer = async (email: string) => {
    if (!tokens.has(email)) tokens.set(email, await signDevToken(email, config.auth.devSecret ?? ''));
    return `Bearer ${tokens.get(email)}`;
  };
  const execute = async (
    authorization: string | undefined,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<OperationResult> => {
    const contextValue = await buildContext(deps, verify, authorization, `fuzz-${randomUUID()}`);
    const response = await api.apollo.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return {
      status: response.http.status,
      headers: new Map(response.http.headers),
      body: JSON.parse(JSON.stringify(response.body.singleResult)),
    };
  };
  const http = async (path: string, init?: RequestInit): Promise<HttpResult> => {
    const response = await fetch(`${url}${path}`, init);
    return { status: response.status, headers: response.headers, text: await response.text() };
  };

  return {
    deps,
    api,
    verify,
    port,
    url,
    execute,
    bearer,
    async as(email, query, variables) {
      return execute(email === null ? undefined : await bearer(email), query, variables);
    },
    http,
    post: (body, headers = {}) =>
      http('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async close() {
      await api.stop();
    },
  };
}
