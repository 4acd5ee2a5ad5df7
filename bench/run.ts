/**
 * `npm run bench`: the benchmark suite of issue 6 on the scale database built
 * by `npm run seed:scale`.
 *
 * 1. SQL statements per request (an API started in this process).
 * 2. HTTP load with autocannon from this process against the real API
 *    (`node dist/app/api.main.js`, its own process) and, for police-feedback,
 *    against the hand-written baseline (bench/baseline-server.ts), in the same
 *    run: ratio = product req/s ÷ baseline req/s.
 * 3. The deadline engine with two worker processes; indicators timed over HTTP.
 * 4. Prints a table, writes bench/results/latest.json (and with --reference a
 *    bench/results/reference-<date>.json to commit).
 *
 * All traffic goes to 127.0.0.1. Every wait is bounded.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { flagsOrExit, UsageError } from './lib/args';
import { BenchIdentityProvider, startIdentityProvider } from './lib/identity-provider';
import { newestProfile, ProfileSummary, summariseProfile } from './lib/cpu-profile';
import { LoadOptions, LoadResult, measure, warmUp } from './lib/load';
import { cpuWhile, freePort, httpOk, memoryOf, sampleMemory, Service, startService, waitUntil } from './lib/processes';
import { databaseUrlFor, DEFAULT_SCALE_DATABASE, redact, SCALE_DATABASE_MARK } from './lib/scale-database';
import { benchRoleUrls, coordinatedCaseId, norrDistrictId, productionEnv } from './lib/bench-servers';
import { percentile, round } from './lib/stats';
import { DeadlineBenchResult, runDeadlineBench } from './deadlines';
import { measureSqlCounts, SqlCount } from './sql-count';
import {
  ANALYST_VIEWER,
  CASE_VIEW_QUERY,
  COORDINATOR_VIEWER,
  FLAG_CONCERN_MUTATION,
  flagConcernInput,
  INDICATORS_QUERY,
  lastTwelveMonths,
  POLICE_FEEDBACK_QUERY,
  POLICE_VIEWER,
  SCHOOL_VIEWER,
  SOCIAL_VIEWER,
  TALKS_DUE_QUERY,
  WorkloadInfo,
  WorkloadName,
  WORKLOADS,
} from './workloads';

const FLAGS = {
  database: { kind: 'string', default: DEFAULT_SCALE_DATABASE, help: 'the scale database (npm run seed:scale)' },
  connections: { kind: 'int', default: 32, min: 1, help: 'concurrent connections per workload' },
  duration: { kind: 'number', default: 10, min: 1, help: 'seconds measured per run' },
  warmup: { kind: 'number', default: 2, min: 0, help: 'seconds of warm-up before each measured run' },
  workloads: { kind: 'list', default: ['police-feedback', 'case-view', 'talks-due', 'flag-concern'], help: 'which HTTP workloads' },
  deadlines: { kind: 'int', default: 20_000, min: 0, help: 'deadlines for the engine benchmark (0 skips it; target 100000)' },
  'deadline-window': { kind: 'number', min: 1, help: 'seconds over which they fall due (default: steps ÷ 2000)' },
  'deadline-lead': { kind: 'number', min: 1, help: 'seconds from insert to the first due time (default from N)' },
  workers: { kind: 'int', default: 2, min: 1, help: 'worker processes for the deadline benchmark' },
  indicators: { kind: 'boolean', default: true, help: 'time indicators over 12 months for all districts (--indicators=false skips)' },
  'indicator-runs': { kind: 'int', default: 7, min: 1, help: 'timed indicator requests, one after another, after one warm-up' },
  'redis-url': { kind: 'string', help: 'queues on Redis (default: REDIS_URL; unset: PostgreSQL backend)' },
  'cpu-prof': { kind: 'boolean', help: 'run the API under --cpu-prof and print where its time went' },
  'api-dist': {
    kind: 'string',
    help: 'run the API of another build (its dist/ folder), to compare with this one against the same baseline',
  },
  reference: { kind: 'boolean', help: 'also write bench/results/reference-<date>.json' },
  'row-scope-compare': {
    kind: 'boolean',
    help: 'police-feedback again, same run, on an API without the request transaction of row-level security',
  },
} as const;

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.resolve(__dirname, '..');
const RESULTS = path.join(ROOT, 'bench', 'results');
const LOGS = path.join(RESULTS, 'logs');
const PROFILES = path.join(RESULTS, 'profiles');

/** The issue's targets. */
const TARGETS = {
  readRatio: 0.5,
  readP99Ms: 50,
  flagConcernReqPerSec: 300,
  flagConcernP99Ms: 100,
  deadlineLagP99Ms: 1_000,
  deadlineStepsPerSec: 2_000,
  deadlinesAtTarget: 100_000,
  indicatorsMs: 200,
  apiPeakRssMiB: 300,
} as const;

const out = (line = '') => process.stdout.write(`${line}\n`);

interface WorkloadResult {
  readonly name: WorkloadName;
  readonly operation: string;
  readonly viewer: string;
  readonly status: 'measured' | 'not available yet' | 'skipped';
  readonly note?: string;
  readonly product?: LoadResult;
  readonly baseline?: LoadResult;
  readonly ratio?: number;
  readonly baselineMatchesProduct?: boolean;
  /** police-feedback: the obligations baseline (bench/obligations-server.ts), and product ÷ it: what the framework costs. */
  readonly obligations?: LoadResult;
  readonly obligationsRatio?: number;
  /** Its answer and its audit rows are the API's. */
  readonly obligationsMatchProduct?: boolean;
  /** --row-scope-compare: the same load on an API that skips the request transaction (SAMVERKA_BENCH_SKIP_ROW_SCOPE=1). */
  readonly withoutRowScope?: LoadResult;
}

const about = (w: WorkloadInfo) => ({ name: w.name, operation: w.operation, viewer: w.viewer });

const versusBaseline = (w: WorkloadInfo, product: LoadResult, baseline: LoadResult, matches: boolean): WorkloadResult => ({
  ...about(w),
  status: 'measured',
  product,
  baseline,
  ratio: round(product.reqPerSec / baseline.reqPerSec, 3),
  baselineMatchesProduct: matches,
});

/** Server CPU per request, in ms of one core. */
const cpuMsPerRequest = (r: LoadResult) => (r.serverCpuPercent === undefined ? NaN : round((r.serverCpuPercent * 10) / r.reqPerSec, 3));

async function machine(databaseUrl: string, redisUrl?: string) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [{ version }] = (await client.query('SHOW server_version')).rows.map((r) => ({ version: r.server_version }));
    const cpus = os.cpus();
    return {
      hostname: os.hostname(),
      platform: `${os.platform()} ${os.release()}`,
      cpuModel: cpus[0]?.model ?? 'unknown',
      cores: cpus.length,
      memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
      node: process.version,
      postgres: version,
      queueBackend: redisUrl ? 'redis' : 'postgres',
      /** 1, 5 and 15 minute load averages when the run began: above the core count, other work was competing. */
      loadAverageAtStart: os.loadavg().map((l) => round(l, 2)),
    };
  } finally {
    await client.end();
  }
}

async function dataset(databaseUrl: string) {
  const client = new Client({ connectionString: databaseUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Cannot open ${redact(databaseUrl)} (${error instanceof Error ? error.message : String(error)}). Run npm run seed:scale first.`,
    );
  }
  try {
    const [mark] = (
      await client.query(`SELECT shobj_description(oid, 'pg_database') AS mark FROM pg_database WHERE datname = current_database()`)
    ).rows;
    if (!String(mark?.mark ?? '').startsWith(SCALE_DATABASE_MARK)) {
      throw new Error(`${redact(databaseUrl)} was not built by npm run seed:scale. Run it first.`);
    }
    const [counts] = (
      await client.query(
        `SELECT
      (SELECT count(*) FROM district)::int AS districts, (SELECT count(*) FROM agency)::int AS agencies, (SELECT count(*) FROM app_user)::int AS users,
      (SELECT count(*) FROM child)::int AS children, (SELECT count(*) FROM report)::int AS reports,
      (SELECT count(*) FROM report r JOIN app_user u ON u.agency_id = r.reporter_agency_id WHERE u.email = $1)::int AS "policeViewerReports",
      (SELECT count(*) FROM deadline)::int AS deadlines, (SELECT count(*) FROM deadline_step)::int AS "deadlineSteps",
      (SELECT count(*) FROM audit_event)::int AS "auditEvents"`,
        [POLICE_VIEWER],
      )
    ).rows;
    const children: { n: string }[] = (
      await client.query(`
      SELECT c.personal_identity_number AS n FROM child c JOIN district d ON d.id = c.district_id
       WHERE d.code = 'norr' AND c.personal_identity_number IS NOT NULL ORDER BY c.id LIMIT 2000`)
    ).rows;
    let seed: unknown = null;
    try {
      seed = JSON.parse(String(mark.mark).slice(SCALE_DATABASE_MARK.length).trim());
    } catch {
      seed = null;
    }
    return { counts, seed, childNumbers: children.map((c) => c.n) };
  } finally {
    await client.end();
  }
}

async function graphql(url: string, token: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each workload reads its own shape
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string }[] } };
}

const graphqlOk = (body: string) => !body.includes('"errors"');

/** Warm-up, then the measured run with the server's and the machine's CPU use beside it. */
async function load(service: Service, options: LoadOptions): Promise<LoadResult> {
  await warmUp(options);
  const { result, processCpuPercent, machineCpuPercent } = await cpuWhile(service.pid, () => measure(options));
  result.serverCpuPercent = processCpuPercent;
  result.machineCpuPercent = machineCpuPercent;
  return result;
}

async function runHttp(
  flags: ReturnType<typeof parseFlagsOrExit>,
  databaseUrl: string,
  redisUrl: string | undefined,
  childNumbers: string[],
) {
  const wanted = new Set(flags.workloads);
  const results: WorkloadResult[] = [];
  const runnable = WORKLOADS.filter((w) => wanted.has(w.name) && !w.unavailable);
  let apiMemory: { peakRssMiB: number; maxSampledRssMiB: number } | null = null;
  let profile: ProfileSummary | null = null;
  let indicators: IndicatorsResult = { status: 'skipped (--indicators=false)' };

  const apiPort = await freePort();
  const baselinePort = await freePort();
  const idp: BenchIdentityProvider = await startIdentityProvider(databaseUrl, [
    POLICE_VIEWER,
    SCHOOL_VIEWER,
    ANALYST_VIEWER,
    SOCIAL_VIEWER,
    COORDINATOR_VIEWER,
  ]);
  const env = productionEnv(databaseUrl, idp.env, redisUrl);
  const services: Service[] = [];
  try {
    if (runnable.length || flags.indicators) {
      // The API on the application role (row-level security applies); the baseline and the API without the row-scope
      // transaction (--row-scope-compare) stay on the owner's connection, which PostgreSQL exempts as a superuser.
      const roles = await benchRoleUrls(databaseUrl);
      // A build from before the system role (--api-dist) took system scope through its one role: it gets the system role's.
      const apiDatabase = flags['api-dist']
        ? { DATABASE_URL: roles.systemUrl }
        : { DATABASE_URL: roles.appUrl, DATABASE_SYSTEM_URL: roles.systemUrl };
      // The API's node flags as the Dockerfile's CMD gives them.
      const nodeArgs = ['--max-semi-space-size=8', ...(flags['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${PROFILES}`] : [])];
      if (flags['cpu-prof']) fs.mkdirSync(PROFILES, { recursive: true });
      const api = startService(
        'api',
        [...nodeArgs, path.join(flags['api-dist'] ? path.resolve(flags['api-dist']) : DIST, 'app/api.main.js')],
        { ...env, PORT: String(apiPort), ...apiDatabase },
        LOGS,
      );
      services.push(api);
      const baseline = startService(
        'baseline',
        [path.join(DIST, 'bench/baseline-server.js')],
        { ...env, PORT: String(baselinePort), BASELINE_VIEWER_EMAIL: POLICE_VIEWER },
        LOGS,
      );
      services.push(baseline);
      const obligationsPort = await freePort();
      const obligations = startService(
        'obligations',
        [path.join(DIST, 'bench/obligations-server.js')],
        { ...env, PORT: String(obligationsPort), DATABASE_URL: roles.appUrl, DATABASE_SYSTEM_URL: roles.systemUrl },
        LOGS,
      );
      services.push(obligations);
      await waitUntil('the API to answer /healthz', () => httpOk(`http://127.0.0.1:${apiPort}/healthz`), 60_000, 200, api);
      await waitUntil('the baseline to answer /healthz', () => httpOk(`http://127.0.0.1:${baselinePort}/healthz`), 30_000, 200, baseline);
      await waitUntil(
        'the obligations baseline to answer /healthz',
        () => httpOk(`http://127.0.0.1:${obligationsPort}/healthz`),
        30_000,
        200,
        obligations,
      );
      out(`  API pid ${api.pid} on 127.0.0.1:${apiPort}, baseline pid ${baseline.pid} on 127.0.0.1:${baselinePort}`);
      const memory = sampleMemory(api.pid, 250);
      const apiUrl = `http://127.0.0.1:${apiPort}`;
      const baselineUrl = `http://127.0.0.1:${baselinePort}`;
      const policeToken = await idp.token(POLICE_VIEWER);
      const schoolToken = await idp.token(SCHOOL_VIEWER);
      const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
      /** One measured run of `route` on a server, as `token` (the bare baseline takes none). */
      const measured = (service: Service, url: string, route: string, body: () => string, token?: string) =>
        load(service, {
          url,
          connections: flags.connections,
          durationSec: flags.duration,
          warmupSec: flags.warmup,
          request: { path: route, headers: token ? bearer(token) : {}, body, ok: graphqlOk },
        });
      /** The API's answer to a workload's operation; an error stops the run, as a load of errors measures nothing. */
      const probe = async (name: WorkloadName, token: string, query: string, variables: Record<string, unknown>) => {
        const product = await graphql(`${apiUrl}/graphql`, token, query, variables);
        if (product.status !== 200 || product.body.errors) throw new Error(`${name} failed: ${JSON.stringify(product.body).slice(0, 500)}`);
        return product;
      };
      /** Whether the bare baseline answers with the API's JSON: the ratio means nothing otherwise. */
      const baselineMatches = async (name: WorkloadName, body: string, answer: unknown, what: string) => {
        const reference = await fetch(`${baselineUrl}/${name}`, { method: 'POST', body, signal: AbortSignal.timeout(30_000) }).then((r) =>
          r.json(),
        );
        const matches = isDeepStrictEqual(answer, reference);
        if (!matches) out(`  ! the baseline does not return the same ${what} as the API; its ratio is shown but suspect`);
        return matches;
      };
      /** The bare baseline's run, then the API's, on the same body: ratio = API req/s ÷ baseline req/s. */
      const againstBaseline = async (w: WorkloadInfo, body: string, token: string, matches: boolean): Promise<WorkloadResult> => {
        out(`  ${w.name} baseline …`);
        const baselineResult = await measured(baseline, baselineUrl, `/${w.name}`, () => body);
        out(`  ${w.name} product …`);
        const productResult = await measured(api, apiUrl, '/graphql', () => body, token);
        return versusBaseline(w, productResult, baselineResult, matches);
      };

      for (const w of WORKLOADS.filter((x) => wanted.has(x.name))) {
        if (w.unavailable) {
          results.push({ ...about(w), status: 'not available yet', note: w.unavailable });
          continue;
        }
        if (w.name === 'police-feedback') {
          const variables = { first: 20 };
          const body = JSON.stringify({ query: POLICE_FEEDBACK_QUERY, variables });
          // The baseline must serve the same rows, or the ratio means nothing.
          const product = await probe(w.name, policeToken, POLICE_FEEDBACK_QUERY, variables);
          const productAudit = await lastAuditRows(databaseUrl, POLICE_VIEWER);
          const matches = await baselineMatches(w.name, body, product.body, 'rows');
          out(
            `  police-feedback: ${product.body.data.myReports.edges.length} rows per page; baseline ${matches ? 'returns the same JSON' : 'DIFFERS'}`,
          );
          out('  police-feedback baseline …');
          const baselineResult = await measured(baseline, baselineUrl, '/police-feedback', () => body);
          const obligationsUrl = `http://127.0.0.1:${obligationsPort}`;
          const obligationsAnswer = await fetch(`${obligationsUrl}/police-feedback`, {
            method: 'POST',
            body,
            headers: bearer(policeToken),
            signal: AbortSignal.timeout(30_000),
          }).then((r) => r.json());
          const obligationsAudit = await lastAuditRows(databaseUrl, POLICE_VIEWER);
          const obligationsMatch = isDeepStrictEqual(product.body, obligationsAnswer) && isDeepStrictEqual(productAudit, obligationsAudit);
          if (!obligationsMatch)
            out(
              `  ! the obligations baseline's answer or audit rows differ from the API's; its ratio is shown but suspect\n    API audit: ${JSON.stringify(productAudit)}\n    its audit: ${JSON.stringify(obligationsAudit)}`,
            );
          out('  police-feedback obligations baseline …');
          const obligationsResult = await measured(obligations, obligationsUrl, '/police-feedback', () => body, policeToken);
          out('  police-feedback product …');
          const productResult = await measured(api, apiUrl, '/graphql', () => body, policeToken);
          let unscoped: LoadResult | undefined;
          if (flags['row-scope-compare']) {
            const port = await freePort();
            const other = startService(
              'api-without-row-scope',
              [path.join(DIST, 'app/api.main.js')],
              { ...env, PORT: String(port), SAMVERKA_BENCH_SKIP_ROW_SCOPE: '1' },
              LOGS,
            );
            services.push(other);
            await waitUntil(
              'the API without row scope to answer /healthz',
              () => httpOk(`http://127.0.0.1:${port}/healthz`),
              60_000,
              200,
              other,
            );
            out('  police-feedback product without the row-scope transaction …');
            unscoped = await measured(other, `http://127.0.0.1:${port}`, '/graphql', () => body, policeToken);
            out(
              `  row scope: ${productResult.reqPerSec} vs ${unscoped.reqPerSec} req/s, mean ${productResult.latencyMs.mean} vs ${unscoped.latencyMs.mean} ms, ` +
                `server CPU ${cpuMsPerRequest(productResult)} vs ${cpuMsPerRequest(unscoped)} ms per request (with vs without)`,
            );
          }
          results.push({
            ...versusBaseline(w, productResult, baselineResult, matches),
            withoutRowScope: unscoped,
            obligations: obligationsResult,
            obligationsRatio: round(productResult.reqPerSec / obligationsResult.reqPerSec, 3),
            obligationsMatchProduct: obligationsMatch,
          });
        } else if (w.name === 'case-view') {
          const caseId = await coordinatedCaseId(databaseUrl);
          if (!caseId) {
            results.push({
              ...about(w),
              status: 'skipped',
              note: `${COORDINATOR_VIEWER} coordinates no open case: run npm run seed:scale`,
            });
            continue;
          }
          const coordinatorToken = await idp.token(COORDINATOR_VIEWER);
          const variables = { id: caseId };
          const body = JSON.stringify({ query: CASE_VIEW_QUERY, variables });
          const product = await probe(w.name, coordinatorToken, CASE_VIEW_QUERY, variables);
          const matches = await baselineMatches(w.name, body, product.body, 'case');
          const shown = product.body.data.collaborationCase;
          out(
            `  case-view: ${shown.reference} with ${shown.actions.length} actions, ${shown.meetings.length} meetings; baseline ${matches ? 'returns the same JSON' : 'DIFFERS'}`,
          );
          results.push(await againstBaseline(w, body, coordinatorToken, matches));
        } else if (w.name === 'talks-due') {
          const socialToken = await idp.token(SOCIAL_VIEWER);
          const districtId = await norrDistrictId(databaseUrl);
          const now = Date.now();
          const variables = { districtId, from: new Date(now).toISOString(), to: new Date(now + 7 * 86_400_000).toISOString() };
          const body = JSON.stringify({ query: TALKS_DUE_QUERY, variables });
          const product = await probe(w.name, socialToken, TALKS_DUE_QUERY, variables);
          const matches = await baselineMatches(w.name, body, product.body, 'rows');
          out(`  talks-due: ${product.body.data.talksDue.talks.length} talks; baseline ${matches ? 'returns the same JSON' : 'DIFFERS'}`);
          results.push(await againstBaseline(w, body, socialToken, matches));
        } else if (w.name === 'flag-concern') {
          const runId = randomBytes(4).toString('hex');
          let n = 0;
          const nextBody = () => {
            n++;
            return JSON.stringify({
              query: FLAG_CONCERN_MUTATION,
              variables: { input: flagConcernInput(`bench-${runId}-${n}`, childNumbers[n % childNumbers.length]) },
            });
          };
          await probe(w.name, schoolToken, FLAG_CONCERN_MUTATION, JSON.parse(nextBody()).variables);
          out('  flag-concern product …');
          const productResult = await measured(api, apiUrl, '/graphql', nextBody, schoolToken);
          results.push({
            ...about(w),
            status: 'measured',
            product: productResult,
            note: `${n} reports created (with audit rows and 3–4 deadlines each); the audit log is append-only, so they stay`,
          });
        }
      }
      if (flags.indicators) {
        out('  indicators …');
        indicators = await timeIndicators(apiUrl, await idp.token(ANALYST_VIEWER), flags['indicator-runs'], databaseUrl);
      }
      apiMemory = memory.stop();
      const hwm = memoryOf(api.pid);
      if (hwm) apiMemory = { ...apiMemory, peakRssMiB: Math.max(apiMemory.peakRssMiB, round(hwm.peakRssMiB, 1)) };
    } else {
      for (const w of WORKLOADS.filter((x) => wanted.has(x.name))) {
        results.push({ ...about(w), status: 'not available yet', note: w.unavailable });
      }
    }
  } finally {
    for (const s of services.reverse()) {
      const code = await s.stop();
      if (code !== '0' && code !== 'SIGTERM') out(`  ${s.name} exited with ${code}:\n${s.tail(10)}`);
    }
    await idp.close();
  }
  if (flags['cpu-prof']) {
    const file = newestProfile(PROFILES);
    profile = file ? summariseProfile(file) : null;
    if (!profile) out('  ! no CPU profile was written');
  }
  return { results, apiMemory, profile, indicators };
}

export interface IndicatorsResult {
  readonly status: string;
  readonly periodMonths?: number;
  readonly cells?: number;
  readonly runs?: number;
  readonly ms?: { readonly p50: number; readonly max: number; readonly min: number };
  /** CPU the database's backends for the scale database spent per request (Linux /proc), whatever else loads the machine. */
  readonly dbCpuMs?: { readonly p50: number } | null;
}

/** User + system CPU in ms of the PostgreSQL backends connected to the scale database, or null where /proc cannot tell. */
async function backendCpuMs(databaseUrl: string): Promise<number | null> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    let ms = 0;
    for (const { pid } of rows as { pid: number }[]) {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      // utime and stime, fields 14 and 15 of stat, in clock ticks of 10 ms.
      ms += (Number(stat[11]) + Number(stat[12])) * 10;
    }
    return ms;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

/** indicators over the last 12 months as the analyst (all districts), one request at a time over HTTP. */
async function timeIndicators(apiUrl: string, token: string, runs: number, databaseUrl: string): Promise<IndicatorsResult> {
  const variables = lastTwelveMonths(new Date());
  const times: number[] = [];
  const cpu: number[] = [];
  let cells = 0;
  for (let i = 0; i <= runs; i++) {
    const cpuBefore = await backendCpuMs(databaseUrl);
    const started = process.hrtime.bigint();
    const result = await graphql(`${apiUrl}/graphql`, token, INDICATORS_QUERY, variables);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const cpuAfter = await backendCpuMs(databaseUrl);
    if (result.status !== 200 || result.body.errors) return { status: `failed: ${JSON.stringify(result.body).slice(0, 300)}` };
    cells = result.body.data.indicators.length;
    if (i > 0) times.push(ms);
    if (i > 0 && cpuBefore !== null && cpuAfter !== null) cpu.push(cpuAfter - cpuBefore);
  }
  return {
    status: 'measured',
    periodMonths: 12,
    cells,
    runs,
    ms: { p50: round(percentile(times, 50), 1), max: round(Math.max(...times), 1), min: round(Math.min(...times), 1) },
    dbCpuMs: cpu.length === runs ? { p50: round(percentile(cpu, 50), 1) } : null,
  };
}

function parseFlagsOrExit() {
  return flagsOrExit('npm run bench --', FLAGS, (flags) => {
    flags.workloads = flags.workloads.filter((w) => w !== 'none');
    const unknown = flags.workloads.filter((w) => !WORKLOADS.some((x) => x.name === w));
    if (unknown.length)
      throw new UsageError(`Unknown workload ${unknown.join(', ')}: pick from ${WORKLOADS.map((w) => w.name).join(', ')} (or none)`);
    return flags;
  });
}

// ---------------------------------------------------------------- output

const fmt = (n: number | undefined, digits = 1) => (n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(digits));
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);
const verdict = (ok: boolean | null) => (ok === null ? 'n/a ' : ok ? 'met ' : 'MISS');

function loadRow(label: string, r: LoadResult | undefined, ratio?: number): string {
  if (!r) return '';
  const failures = r.errors + r.non2xx + r.badBodies;
  return (
    `${pad(label, 28)}${lpad(fmt(r.reqPerSec), 9)}${lpad(fmt(r.latencyMs.p50, 1), 9)}${lpad(fmt(r.latencyMs.p95, 1), 9)}${lpad(fmt(r.latencyMs.p99, 1), 9)}` +
    `${lpad(String(failures), 8)}${lpad(ratio === undefined ? '' : fmt(ratio, 2), 8)}${lpad(`${fmt(r.serverCpuPercent, 0)}%`, 9)}${lpad(`${fmt(r.machineCpuPercent, 0)}%`, 9)}`
  );
}

function printTable(report: BenchReport): void {
  out();
  out(`Samverka benchmark — ${report.startedAt}`);
  out(
    `machine: ${report.machine.cores} cores (${report.machine.cpuModel}), ${report.machine.memoryGiB} GiB, Node ${report.machine.node}, PostgreSQL ${report.machine.postgres}, queues on ${report.machine.queueBackend}; load average at start ${report.machine.loadAverageAtStart.join(' ')}`,
  );
  out(
    `dataset: ${report.dataset.children} children, ${report.dataset.reports} reports (${report.dataset.policeViewerReports} filed by ${POLICE_VIEWER}'s agency), ${report.dataset.deadlines} deadlines`,
  );
  out(
    `load: ${report.config.connections} connections, ${report.config.durationSec} s after ${report.config.warmupSec} s warm-up; errors = connection errors + non-2xx + GraphQL errors;`,
  );
  out(
    '      srv CPU = the server process, % of one core; all CPU = the whole machine (server, PostgreSQL, load generator), % of all cores',
  );
  out();
  out(
    `${pad('workload', 28)}${lpad('req/s', 9)}${lpad('p50 ms', 9)}${lpad('p95 ms', 9)}${lpad('p99 ms', 9)}${lpad('errors', 8)}${lpad('ratio', 8)}${lpad('srv CPU', 9)}${lpad('all CPU', 9)}`,
  );
  for (const w of report.workloads) {
    if (w.status !== 'measured') {
      out(`${pad(w.name, 28)}${w.note ?? w.status}`);
      continue;
    }
    out(loadRow(`${w.name}`, w.product, w.ratio));
    if (w.baseline) out(loadRow('  baseline (node:http + pg)', w.baseline));
    if (w.obligations) out(loadRow('  obligations (+ the law)', w.obligations, w.obligationsRatio));
  }
  for (const w of report.workloads.filter((x) => x.obligations && x.baseline && x.product)) {
    out(
      `${w.name}: product ÷ baseline ${fmt(w.ratio, 2)} (the target); product ÷ obligations baseline ${fmt(w.obligationsRatio, 2)} (what the framework costs); ` +
        `obligations ÷ baseline ${fmt(w.obligations!.reqPerSec / w.baseline!.reqPerSec, 2)} (what the law costs)${w.obligationsMatchProduct ? '' : '; the obligations baseline DIFFERS from the API'}`,
    );
  }
  out();
  if (report.apiMemory)
    out(
      `API peak resident memory: ${fmt(report.apiMemory.peakRssMiB)} MiB (VmHWM; highest sampled under load ${fmt(report.apiMemory.maxSampledRssMiB)} MiB)`,
    );
  if (report.sqlStatements.length) {
    out('SQL statements per request (per job for deadline steps):');
    for (const s of report.sqlStatements) {
      out(
        `  ${pad(s.operation, 50)}${lpad(String(s.statements), 4)}${s.typeormLoggerStatements !== undefined ? ` (TypeORM logger: ${s.typeormLoggerStatements})` : ''}${s.errors ? `  errors: ${s.errors}` : ''}`,
      );
    }
  }
  const d = report.deadlineEngine;
  if (d && 'lagMs' in d) {
    const ge = d.timedOut ? '≥ ' : '';
    out(
      `deadline engine: ${d.deadlines} deadlines = ${d.steps} steps over ${d.windowSec} s (offered ${d.offeredStepsPerSec} steps/s), ${d.workers} workers, ${d.queueBackend}`,
    );
    out(
      `  fired ${d.fired}/${d.steps}${d.timedOut ? ' (TIMED OUT: lags are lower bounds)' : ''}; lag p50 ${ge}${fmt(d.lagMs.p50, 0)} ms, p95 ${ge}${fmt(d.lagMs.p95, 0)} ms, p99 ${ge}${fmt(d.lagMs.p99, 0)} ms, max ${ge}${fmt(d.lagMs.max, 0)} ms; ${fmt(d.stepsPerSec, 0)} steps/s (peak ${fmt(d.peakStepsPerSec, 0)} in one second); last fired ${fmt(d.drainAfterWindowSec)} s after the last due time`,
    );
    out(
      `  workers: peak RSS ${d.workerPeakRssMiB.map((m) => `${fmt(m)} MiB`).join(', ')}; CPU ${d.workerCpuPercent.map((c) => `${fmt(c, 0)}%`).join(', ')} of a core; machine ${fmt(d.machineCpuPercent, 0)}% of all cores`,
    );
  } else if (d) {
    out(`deadline engine: ${d.status}`);
  }
  const ind = report.indicators;
  out(
    ind.ms
      ? `indicators: indicators over ${ind.periodMonths} months, all districts (${ind.cells} cells) as ${ANALYST_VIEWER}: median ${fmt(ind.ms.p50)} ms, max ${fmt(ind.ms.max)} ms over ${ind.runs} requests` +
          (ind.dbCpuMs ? `; database CPU per request median ${fmt(ind.dbCpuMs.p50)} ms (not slowed by other load)` : '')
      : `indicators: ${ind.status}`,
  );
  if (report.cpuProfile) {
    out(
      `API CPU profile, self time as % of busy samples (${report.cpuProfile.busySamples} of ${report.cpuProfile.samples}; ${path.relative(ROOT, report.cpuProfile.file)}):`,
    );
    out(`  by package: ${report.cpuProfile.packages.map((p) => `${p.name} ${p.selfPercent}%`).join(', ')}`);
    for (const f of report.cpuProfile.functions) out(`  ${lpad(f.selfPercent.toFixed(1), 5)}%  ${f.name}  ${f.where}`);
  }
  out();
  out('targets:');
  for (const t of report.targets)
    out(
      `  ${verdict(t.met)}  ${pad(t.figure, 42)} ${pad(t.measured, 44)} target ${t.target}${t.missedBy ? `, missed by ${t.missedBy}` : ''}`,
    );
  out();
}

interface Target {
  readonly figure: string;
  readonly measured: string;
  readonly target: string;
  readonly met: boolean | null;
  /** For a miss: how far off, in the target's own terms. */
  readonly missedBy?: string;
}

/** `missedBy` for a figure that must stay at or under (`max`) or reach (`min`) a limit. */
function gap(value: number, limit: number, kind: 'min' | 'max', unit = ''): { met: boolean; missedBy?: string } {
  const met = kind === 'min' ? value >= limit : value <= limit;
  if (met) return { met };
  const off = Math.abs(value - limit);
  return { met, missedBy: `${fmt(off, off < 10 ? 2 : 0)}${unit} (${fmt((100 * off) / limit, 0)} % of the target)` };
}

function evaluate(
  workloads: WorkloadResult[],
  apiMemory: { peakRssMiB: number } | null,
  d: DeadlineBenchResult | null,
  ind: IndicatorsResult,
): Target[] {
  const targets: Target[] = [];
  for (const name of ['police-feedback', 'case-view'] as const) {
    const w = workloads.find((x) => x.name === name);
    if (!w || w.status !== 'measured') {
      targets.push({ figure: `${name}: ratio to baseline`, measured: w?.status ?? 'not run', target: `≥ ${TARGETS.readRatio}`, met: null });
      targets.push({
        figure: `${name}: p99 at concurrency 32`,
        measured: w?.status ?? 'not run',
        target: `≤ ${TARGETS.readP99Ms} ms`,
        met: null,
      });
      continue;
    }
    targets.push({
      figure: `${name}: ratio to baseline`,
      measured: `${fmt(w.ratio, 2)} (${fmt(w.product!.reqPerSec, 0)} vs baseline ${fmt(w.baseline!.reqPerSec, 0)} req/s)`,
      target: `≥ ${TARGETS.readRatio}`,
      ...gap(w.ratio ?? 0, TARGETS.readRatio, 'min'),
    });
    targets.push({
      figure: `${name}: p99`,
      measured: `${fmt(w.product!.latencyMs.p99)} ms (baseline ${fmt(w.baseline!.latencyMs.p99)} ms)`,
      target: `≤ ${TARGETS.readP99Ms} ms`,
      ...gap(w.product!.latencyMs.p99, TARGETS.readP99Ms, 'max', ' ms'),
    });
  }
  const flag = workloads.find((x) => x.name === 'flag-concern');
  if (flag?.status === 'measured') {
    targets.push({
      figure: 'flag-concern: requests/s',
      measured: fmt(flag.product!.reqPerSec),
      target: `≥ ${TARGETS.flagConcernReqPerSec}`,
      ...gap(flag.product!.reqPerSec, TARGETS.flagConcernReqPerSec, 'min', ' req/s'),
    });
    targets.push({
      figure: 'flag-concern: p99',
      measured: `${fmt(flag.product!.latencyMs.p99)} ms`,
      target: `≤ ${TARGETS.flagConcernP99Ms} ms`,
      ...gap(flag.product!.latencyMs.p99, TARGETS.flagConcernP99Ms, 'max', ' ms'),
    });
  }
  if (d) {
    const full = d.deadlines >= TARGETS.deadlinesAtTarget;
    const scale = full ? '' : ` (at ${d.deadlines}, not ${TARGETS.deadlinesAtTarget})`;
    targets.push({
      figure: `deadline firing lag p99${scale}`,
      measured: `${d.timedOut ? '≥ ' : ''}${fmt(d.lagMs.p99, 0)} ms`,
      target: `≤ ${TARGETS.deadlineLagP99Ms} ms`,
      met: !d.timedOut && d.lagMs.p99 <= TARGETS.deadlineLagP99Ms,
    });
    // Offered at the target rate, an engine that keeps up fires at exactly that rate (a hair under, counted to the last
    // step's lag): keeping up with ≥ 2,000 offered per second within the lag target meets it.
    const keptUp = !d.timedOut && d.offeredStepsPerSec >= TARGETS.deadlineStepsPerSec && d.lagMs.p99 <= TARGETS.deadlineLagP99Ms;
    targets.push({
      figure: `deadline steps/s with ${d.workers} workers${scale}`,
      measured: `${fmt(d.stepsPerSec, 0)} (offered ${fmt(d.offeredStepsPerSec, 0)}${keptUp ? ', kept up' : ''})`,
      target: `≥ ${TARGETS.deadlineStepsPerSec}`,
      met: keptUp || d.stepsPerSec >= TARGETS.deadlineStepsPerSec,
    });
  }
  targets.push(
    ind.ms
      ? {
          figure: 'indicators, 12 months, all districts (median)',
          measured: `${fmt(ind.ms.p50)} ms (max ${fmt(ind.ms.max)})`,
          target: `≤ ${TARGETS.indicatorsMs} ms`,
          ...gap(ind.ms.p50, TARGETS.indicatorsMs, 'max', ' ms'),
        }
      : { figure: 'indicators, 12 months, all districts', measured: ind.status, target: `≤ ${TARGETS.indicatorsMs} ms`, met: null },
  );
  if (apiMemory)
    targets.push({
      figure: 'API peak memory under load',
      measured: `${fmt(apiMemory.peakRssMiB)} MiB`,
      target: `≤ ${TARGETS.apiPeakRssMiB} MB`,
      ...gap(apiMemory.peakRssMiB, TARGETS.apiPeakRssMiB, 'max', ' MiB'),
    });
  return targets;
}

interface BenchReport {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly totalSec: number;
  readonly machine: Awaited<ReturnType<typeof machine>>;
  readonly database: string;
  readonly dataset: Record<string, number>;
  readonly seed: unknown;
  readonly config: { connections: number; durationSec: number; warmupSec: number; workloads: string[] };
  readonly workloads: WorkloadResult[];
  readonly apiMemory: { peakRssMiB: number; maxSampledRssMiB: number } | null;
  readonly sqlStatements: SqlCount[];
  readonly deadlineEngine: DeadlineBenchResult | { status: string } | null;
  readonly indicators: IndicatorsResult;
  readonly cpuProfile: ProfileSummary | null;
  readonly targets: Target[];
}

async function main(): Promise<void> {
  const flags = parseFlagsOrExit();
  const started = new Date();
  const databaseUrl = databaseUrlFor(flags.database ?? DEFAULT_SCALE_DATABASE);
  const redisUrl = flags['redis-url'] || process.env.REDIS_URL?.trim() || undefined;
  for (const url of [databaseUrl, redisUrl].filter((u): u is string => !!u)) {
    const host = new URL(url).hostname;
    if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host))
      throw new Error(`The bench only talks to this machine; ${redact(url)} is elsewhere.`);
  }
  out(`npm run bench on ${redact(databaseUrl)}${redisUrl ? `, queues on ${redact(redisUrl)}` : ', queues on PostgreSQL'}`);
  const data = await dataset(databaseUrl);
  if (data.counts.policeViewerReports < 20)
    throw new Error(`${POLICE_VIEWER}'s agency has ${data.counts.policeViewerReports} reports; run npm run seed:scale with more --reports`);
  const info = await machine(databaseUrl, redisUrl);
  if (info.loadAverageAtStart[0] > 1) {
    out(`! load average ${info.loadAverageAtStart.join(' ')} before the start: something else is running, expect noisy figures`);
  }
  const secret = randomBytes(24).toString('hex');

  out('SQL statements per request (in-process API) …');
  const sqlStatements = await measureSqlCounts({ databaseUrl, redisUrl, devSecret: secret, childNumber: data.childNumbers[0] });

  out('HTTP workloads …');
  const http = await runHttp(flags, databaseUrl, redisUrl, data.childNumbers);

  let deadlineEngine: DeadlineBenchResult | { status: string };
  if (flags.deadlines > 0) {
    out('Deadline engine …');
    deadlineEngine = await runDeadlineBench({
      databaseUrl,
      redisUrl,
      deadlines: flags.deadlines,
      windowSec: flags['deadline-window'],
      leadSec: flags['deadline-lead'],
      workers: flags.workers,
      logDir: LOGS,
      distDir: DIST,
      log: out,
    });
  } else {
    deadlineEngine = { status: 'skipped (--deadlines 0)' };
  }

  const finished = new Date();
  const report: BenchReport = {
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    totalSec: round((finished.getTime() - started.getTime()) / 1000, 1),
    machine: info,
    database: redact(databaseUrl),
    dataset: data.counts,
    seed: data.seed,
    config: { connections: flags.connections, durationSec: flags.duration, warmupSec: flags.warmup, workloads: flags.workloads },
    workloads: http.results,
    apiMemory: http.apiMemory,
    sqlStatements: sqlStatements.map(({ sample: _sample, ...rest }) => rest),
    deadlineEngine,
    indicators: http.indicators,
    cpuProfile: http.profile,
    targets: evaluate(http.results, http.apiMemory, deadlineEngine && 'lagMs' in deadlineEngine ? deadlineEngine : null, http.indicators),
  };
  printTable(report);
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  out(`wrote ${path.relative(ROOT, path.join(RESULTS, 'latest.json'))} (${report.totalSec} s in all)`);
  if (flags.reference) {
    const file = path.join(RESULTS, `reference-${started.toISOString().slice(0, 10)}.json`);
    fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    out(`wrote ${path.relative(ROOT, file)}`);
  }
}

main().catch((error) => {
  process.stderr.write(`npm run bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

/** The audit rows of the viewer's latest request, without what differs between two requests (ids, times). */
async function lastAuditRows(databaseUrl: string, email: string): Promise<unknown[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT a.action, a.entity_type, a.entity_id, a.child_id, a.entity_ids, a.child_ids, a.district_id, a.fields, a.legal_basis, a.consent_id, a.outcome,
              a.actor_agency_id, a.actor_roles
         FROM audit_event a JOIN app_user u ON u.id = a.actor_user_id
        WHERE lower(u.email) = lower($1)
          AND a.request_id = (SELECT b.request_id FROM audit_event b WHERE b.actor_user_id = u.id ORDER BY b.occurred_at DESC, b.id DESC LIMIT 1)
        ORDER BY a.entity_type, a.district_id, a.fields::text, a.entity_ids::text`,
      [email],
    );
    return rows;
  } finally {
    await client.end();
  }
}
