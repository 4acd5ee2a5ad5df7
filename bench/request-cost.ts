/**
 * One request's cost, sequential and in-process: `node dist/bench/request-cost.js --dist DIR --url URL [--system-url URL]`
 * runs police-feedback N times through the Apollo server of the build in DIR (this one, or another's `dist/`) and
 * prints the process CPU and wall time per request. One request at a time, so a busy machine inflates the wall time
 * less than a load test's, and the CPU time hardly at all. Used to price the system role (bench/README.md).
 */
import path from 'node:path';
import { FlagSpec, flagsOrExit } from './lib/args';
import { POLICE_FEEDBACK_QUERY } from './workloads';

const FLAGS = {
  dist: { kind: 'string', default: path.resolve(__dirname, '..'), help: 'the build to measure (a dist/ folder)' },
  url: { kind: 'string', default: '', help: 'DATABASE_URL of the API' },
  'system-url': { kind: 'string', default: '', help: 'DATABASE_SYSTEM_URL (empty: none)' },
  requests: { kind: 'number', default: 400, help: 'measured requests' },
  warmup: { kind: 'number', default: 50, help: 'requests before measuring' },
} satisfies Record<string, FlagSpec>;

const SECRET = 'samverka-bench-request-cost-secret-32chars';

async function main(): Promise<void> {
  const flags = flagsOrExit('node dist/bench/request-cost.js', FLAGS);
  const dist = path.resolve(flags.dist ?? '');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- another build's dist/, chosen at run time
  const load = (module: string) => require(path.join(dist, module));
  const { loadConfig } = load('platform/config');
  const { openRuntime } = load('app/runtime');
  const { createApiServer, buildContext } = load('api/server');
  const { createTokenVerifier } = load('api/auth/token-verifier');
  const { signDevToken } = load('api/auth/dev-token');
  const { createLogger } = load('platform/logger');
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: flags.url ?? '',
    ...(flags['system-url'] ? { DATABASE_SYSTEM_URL: flags['system-url'] } : {}),
    AUTH_DEV_SECRET: SECRET,
    RATE_LIMIT_PER_USER: '1000000',
    RATE_LIMIT_PER_IP: '1000000',
    LOG_LEVEL: 'silent',
  });
  const runtime = await openRuntime(config, flags.url ?? '', createLogger('silent'));
  const api = await createApiServer(runtime);
  const verify = createTokenVerifier(config.auth);
  const authorization = `Bearer ${await signDevToken('polis.norr@samverka.test', SECRET)}`;
  const once = async () => {
    const contextValue = await buildContext(runtime, verify, authorization);
    const response = await api.apollo.executeOperation({ query: POLICE_FEEDBACK_QUERY, variables: { first: 20 } }, { contextValue });
    if (response.body.kind !== 'single' || response.body.singleResult.errors) throw new Error(JSON.stringify(response.body).slice(0, 300));
  };
  try {
    for (let i = 0; i < flags.warmup; i += 1) await once();
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (let i = 0; i < flags.requests; i += 1) await once();
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6 / flags.requests;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000 / flags.requests;
    process.stdout.write(
      `${JSON.stringify({ dist, systemUrl: Boolean(flags['system-url']), requests: flags.requests, cpuMsPerRequest: +cpuMs.toFixed(3), wallMsPerRequest: +wallMs.toFixed(3) })}\n`,
    );
  } finally {
    await api.stop();
    await runtime.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
