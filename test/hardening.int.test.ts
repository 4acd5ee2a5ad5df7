/**
 * Every limit of the GraphQL surface, each shown twice: the refusal, and a
 * normal request that still works. Most run through Apollo as createTestApp
 * does; what only HTTP can show runs against a listening server.
 */
import { DataSource } from 'typeorm';
import { pairSystemDataSource, systemDataSourceOf } from '../db/access/row-scope';
import type { Config } from '../platform/config';
import { capturingLogger, startTestServer, TestServer } from '../scripts/fuzz/harness';
import { createTestApp, TestApp } from './helpers/test-app';
import { hasRedis, testServices } from './services';

const SOCSEK = 'socsek.norr@samverka.test';
const VIEWER = '{ viewer { email } }';
const HOUR_MS = 3_600_000;

let app: TestApp;
let server: TestServer;
const servers: TestServer[] = [];

/** A server on the test app's database with other settings; hour-long windows keep rate tests off window edges. */
async function serverWith(
  change: (config: Config) => Config,
  options: { dataSource?: DataSource; logger?: ReturnType<typeof capturingLogger>['logger'] } = {},
) {
  const deps = options.dataSource ? { ...app.runtime, dataSource: options.dataSource } : app.runtime;
  const started = await startTestServer(deps, { config: change, logger: options.logger });
  servers.push(started);
  return started;
}

const production = (config: Config): Config => ({
  ...config,
  nodeEnv: 'production',
  graphql: { ...config.graphql, introspection: 'authenticated', fieldSuggestions: false },
});

const codes = (result: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) =>
  result.body.errors?.map((e) => e.extensions?.code) ?? [];

beforeAll(async () => {
  app = await createTestApp();
  server = await serverWith((c) => c);
});

afterAll(async () => {
  for (const s of servers) await s.close();
  await app.close();
});

describe('query limits (graphql-armor)', () => {
  /** Inline fragments on the same type are valid GraphQL and nest as deep as a client likes. */
  const nested = (levels: number) => `{ viewer { ${'... on Viewer { '.repeat(levels)}email${' }'.repeat(levels)} } }`;

  it('refuses an operation deeper than 12 and runs one of depth 12', async () => {
    const deep = await app.as(SOCSEK, nested(12));
    expect(deep.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' } });
    expect(deep.errors?.[0].message).toMatch(/depth limit of 12 exceeded/);
    const ok = await app.as(SOCSEK, nested(10));
    expect(ok.errors).toBeUndefined();
    expect(ok.data.viewer.email).toBe(SOCSEK);
  });

  it('refuses more than 15 aliases and runs 15', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `v${i}: viewer { email }`).join(' ')} }`;
    const bomb = await app.as(SOCSEK, aliases(16));
    expect(bomb.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases' } });
    expect(bomb.data).toBeUndefined();
    const ok = await app.as(SOCSEK, aliases(15));
    expect(ok.errors).toBeUndefined();
    expect(Object.keys(ok.data)).toHaveLength(15);
  });

  it('refuses an operation over the cost limit and runs a full page of children', async () => {
    const page = (
      alias: string,
    ) => `${alias}: children(first: 100) { edges { cursor node { id personalIdentityNumber givenName familyName birthDate age
      district { id code name policy { version talkDeadlineMode } } school { id name kind } guardians { id name relation contact } } } pageInfo { hasNextPage endCursor } }`;
    const costly = await app.as(SOCSEK, `{ ${['a', 'b', 'c', 'd'].map(page).join(' ')} }`);
    expect(costly.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost' } });
    expect(costly.errors?.[0].message).toMatch(/Cost limit of 50000 exceeded/);
    const ok = await app.as(SOCSEK, `{ ${page('a')} }`);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.a.edges.length).toBeGreaterThan(0);
  });

  it("refuses the 8-deep earlierReports attack with a clear error, and serves the child's earlier reports one level deep", async () => {
    const [child] = await app.sql(
      `SELECT c.id, c.district_id FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'norr' ORDER BY c.id LIMIT 1`,
    );
    const reports = await app.sql(
      `INSERT INTO report (reference, reporter_kind, channel, registered_by_user_id, child_id, child_as_reported, district_id, policy_version, category, description, feedback_requested, received_at)
       SELECT 'OA-NEST-' || n, 'POLICE', 'DIGITAL', u.id, $1, 'x', $2, 1, 'OTHER', 'x', false, now() - n * interval '1 day'
         FROM app_user u, generate_series(1, 22) AS n WHERE u.email = 'polis.norr@samverka.test' RETURNING id`,
      [child.id, child.district_id],
    );
    const nested = `query($id: ID!) { report(id: $id) { ${'earlierReports { id reference '.repeat(8)}${'} '.repeat(8)}} }`;
    const attack = await app.as(SOCSEK, nested, { id: reports[0].id });
    expect(attack.data).toBeUndefined();
    expect(attack.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(attack.errors?.[0].message).toMatch(/Cannot query field "earlierReports" on type "EarlierReport"/);
    const page = await app.as(
      SOCSEK,
      `query($id: ID!) { report(id: $id) { reference earlierReports { id reference category receivedAt } } }`,
      { id: reports[0].id },
    );
    expect(page.errors).toBeUndefined();
    expect(page.data.report.earlierReports).toHaveLength(21);
  });

  it('counts a page size sent as a variable, and the lists inside each item', async () => {
    const wide = `query($n: Int!) { intakeQueue(first: $n) { edges { node { id reference earlierReports { id reference category receivedAt }
      possibleMatches { id givenName familyName guardians { id name relation contact } } deadlines { id kind dueAt status } } } } }`;
    const costly = await app.as(SOCSEK, wide, { n: 100 });
    expect(costly.data).toBeUndefined();
    expect(costly.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost' } });
    expect(costly.errors?.[0].message).toMatch(
      /Cost limit of 50000 exceeded: the query could resolve \d+ fields and objects. Ask for fewer fields or a smaller page/,
    );
    // Possible matches and their guardians count 20 × 20 per report: ten such reports fit, and the web app's pages are cheaper still (query-cost.test.ts).
    const ok = await app.as(SOCSEK, wide, { n: 10 });
    expect(ok.errors).toBeUndefined();
  });

  it('refuses more than 1000 tokens before parsing further, and parses a normal operation', async () => {
    const long = await app.as(SOCSEK, `{ viewer { ${'email '.repeat(1_000)} } }`);
    expect(long.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(long.errors?.[0].message).toMatch(/1000 tokens/);
    expect((await app.as(SOCSEK, `{ viewer { ${'email '.repeat(100)} } }`)).errors).toBeUndefined();
  });

  it('refuses more than 20 directives and runs a few', async () => {
    const directives = (n: number) => `{ viewer { email ${'@include(if: true) '.repeat(n)} } }`;
    const many = await app.as(SOCSEK, directives(21));
    expect(many.errors?.map((e) => e.extensions?.limit)).toContain('directives');
    const ok = await app.as(SOCSEK, `query($yes: Boolean!) { viewer { email @include(if: $yes) displayName @skip(if: $yes) } }`, {
      yes: true,
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.viewer).toEqual({ email: SOCSEK });
  });
});

describe('introspection', () => {
  const SCHEMA = '{ __schema { queryType { name } } }';

  it('is on in development, also without a token', async () => {
    const result = await app.as(null, SCHEMA);
    expect(result.errors).toBeUndefined();
    expect(result.data.__schema.queryType.name).toBe('Query');
  });

  it('needs a signed-in user in production, however the document is cached or hidden', async () => {
    const prod = await serverWith(production);
    const signedIn = await prod.as(SOCSEK, SCHEMA);
    expect(signedIn.body.errors).toBeUndefined();
    // The same text again, now validated and cached by Apollo: still refused without a token.
    const anonymous = await prod.as(null, SCHEMA);
    expect(anonymous.status).toBe(401);
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.body.data).toBeUndefined();
    const hidden = await prod.as(null, `query { ...F } fragment F on Query { __type(name: "Child") { fields { name } } }`);
    expect(codes(hidden)).toEqual(['UNAUTHENTICATED']);
    const badToken = await prod.execute('Bearer not.a.token', SCHEMA);
    expect(codes(badToken)).toEqual(['UNAUTHENTICATED']);
    // __typename is not introspection; clients depend on it.
    expect((await prod.as(null, '{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
  });

  it('can be turned off for everyone', async () => {
    const off = await serverWith((c) => ({ ...c, graphql: { ...c.graphql, introspection: 'off' } }));
    const result = await off.as(SOCSEK, SCHEMA);
    expect(result.status).toBe(400);
    expect(codes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect((await off.as(SOCSEK, VIEWER)).body.errors).toBeUndefined();
  });
});

describe('field suggestions', () => {
  it('help in development and are blocked in production, for fields and enum values', async () => {
    const typo = '{ viewr { email } }';
    const enumTypo = '{ intakeQueue(first: 1, filter: { category: SUSPECTED_CRIM }) { edges { cursor } } }';
    expect((await app.as(SOCSEK, typo)).errors?.[0].message).toMatch(/Did you mean "viewer"/);

    const prod = await serverWith(production);
    for (const query of [typo, enumTypo]) {
      const result = await prod.as(SOCSEK, query);
      expect(codes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(JSON.stringify(result.body)).not.toMatch(/Did you mean|Suggestion hidden|SUSPECTED_CRIME"/);
    }
    expect((await prod.as(SOCSEK, VIEWER)).body.errors).toBeUndefined();
  });
});

describe('HTTP', () => {
  it('answers an over-limit body with a clean 413 and takes a normal one', async () => {
    const big = await server.post(
      { query: VIEWER, variables: { pad: 'x'.repeat(1_100_000) } },
      { authorization: await server.bearer(SOCSEK) },
    );
    expect(big.status).toBe(413);
    expect(JSON.parse(big.text)).toEqual({
      errors: [
        {
          message: 'The request body is too large. Send at most 1048576 bytes.',
          extensions: { code: 'PAYLOAD_TOO_LARGE', requestId: expect.any(String) },
        },
      ],
    });
    const ok = await server.post({ query: VIEWER }, { authorization: await server.bearer(SOCSEK) });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toEqual({ data: { viewer: { email: SOCSEK } } });
  });

  it.each([
    ['cut off', '{"query": "{ viewer { email } }'],
    ['not JSON', 'query { viewer { email } }'],
    ['a bare string', '"{ viewer { email } }"'],
    ['NUL bytes', '{"query": "\u0000"'],
  ])('answers malformed JSON (%s) with a 400 in JSON, no stack', async (_case, body) => {
    const response = await server.post(body);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(JSON.parse(response.text).errors[0]).toMatchObject({
      message: 'The request body is not valid JSON.',
      extensions: { code: 'BAD_REQUEST' },
    });
    expect(response.text).not.toMatch(/\bat \w|node_modules|\/work\/|SyntaxError/);
  });

  it('refuses batched requests and runs single ones', async () => {
    const authorization = await server.bearer(SOCSEK);
    const batch = await server.post([{ query: VIEWER }, { query: VIEWER }], { authorization });
    expect(batch.status).toBe(400);
    expect(JSON.parse(batch.text).errors[0]).toMatchObject({
      message: 'Operation batching disabled.',
      extensions: { code: 'BAD_REQUEST' },
    });
    expect((await server.post({ query: VIEWER }, { authorization })).status).toBe(200);
  });

  it('refuses requests a browser could send cross-site without a preflight (CSRF), and takes JSON or a preflight header', async () => {
    const authorization = await server.bearer(SOCSEK);
    const query = encodeURIComponent(VIEWER);
    const simple = [
      await server.http(`/graphql?query=${query}`, { headers: { authorization } }),
      await server.http('/graphql', {
        method: 'POST',
        headers: { authorization, 'content-type': 'text/plain' },
        body: JSON.stringify({ query: VIEWER }),
      }),
      await server.http('/graphql', {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
        body: `query=${query}`,
      }),
      await server.http('/graphql', { method: 'POST', headers: { authorization }, body: JSON.stringify({ query: VIEWER }) }),
    ];
    for (const response of simple) {
      expect(response.status).toBe(400);
      expect(JSON.parse(response.text).errors[0].message).toMatch(/Cross-Site Request Forgery/);
    }
    const preflighted = await server.http(`/graphql?query=${query}`, { headers: { authorization, 'apollo-require-preflight': 'true' } });
    expect(JSON.parse(preflighted.text)).toEqual({ data: { viewer: { email: SOCSEK } } });
    const json = await server.post({ query: VIEWER }, { authorization });
    expect(JSON.parse(json.text)).toEqual({ data: { viewer: { email: SOCSEK } } });
  });

  it('allows only the configured origins (CORS)', async () => {
    const cors = await serverWith((c) => ({ ...c, corsOrigins: ['https://app.samverka.test'] }));
    const preflight = (origin: string) =>
      cors.http('/graphql', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      });
    const allowed = await preflight('https://app.samverka.test');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.samverka.test');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const foreign = await preflight('https://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();

    const call = await cors.post({ query: VIEWER }, { origin: 'https://app.samverka.test', authorization: await cors.bearer(SOCSEK) });
    expect(call.headers.get('access-control-allow-origin')).toBe('https://app.samverka.test');
    expect(JSON.parse(call.text).data.viewer.email).toBe(SOCSEK);
    const foreignCall = await cors.post({ query: VIEWER }, { origin: 'https://evil.example', authorization: await cors.bearer(SOCSEK) });
    expect(foreignCall.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sets the security headers on every route, and HSTS in production', async () => {
    const prod = await serverWith(production);
    const responses = [
      await server.http('/healthz'),
      await server.http('/readyz'),
      await server.post({ query: VIEWER }),
      await server.http('/no/such/path'),
      await server.post('{'),
      await prod.post({ query: '{ __typename }' }),
    ];
    for (const response of responses) {
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-powered-by')).toBeNull();
      expect(response.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
    }
    expect(responses[0].headers.get('strict-transport-security')).toBeNull();
    expect(responses[5].headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('answers unknown paths with a JSON 404 that echoes nothing', async () => {
    const response = await server.http('/<script>alert(1)</script>');
    expect(response.status).toBe(404);
    expect(JSON.parse(response.text).errors[0].extensions.code).toBe('NOT_FOUND');
    expect(response.text).not.toContain('script');
  });
});

describe('rate limits', () => {
  const limited =
    (perUser: number, perIp: number, redisUrl?: string) =>
    (c: Config): Config => ({
      ...c,
      redisUrl,
      rateLimit: { windowMs: HOUR_MS, perUser, perIp },
    });

  it('refuses a user over the limit with RATE_LIMITED, 429 and Retry-After; other users go on', async () => {
    const tight = await serverWith(limited(3, 1_000));
    for (let i = 0; i < 3; i++) expect((await tight.as(SOCSEK, VIEWER)).body.errors).toBeUndefined();
    const refused = await tight.as(SOCSEK, VIEWER);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.errors).toEqual([
      {
        message: expect.stringMatching(/^Too many requests\. Try again in \d+ seconds\.$/),
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: Number(refused.headers.get('retry-after')) },
      },
    ]);
    expect(refused.body.data).toBeUndefined();
    expect((await tight.as('chef.norr@samverka.test', VIEWER)).body.errors).toBeUndefined();
  });

  (hasRedis() ? it : it.skip)('counts in Redis, shared by every API process', async () => {
    // A user of its own, so no other test file's requests count into the same key.
    const [{ id: agencyId }] = await app.sql(`SELECT agency_id AS id FROM app_user WHERE email = $1`, [SOCSEK]);
    const email = `rate-${Date.now()}@samverka.test`;
    await app.sql(`INSERT INTO app_user (agency_id, email, display_name, roles) VALUES ($1, $2, 'Rate', '{SOCIAL_WORKER}')`, [
      agencyId,
      email,
    ]);
    const redisUrl = `${testServices().redisUrl}/15`;
    const [first, second] = [await serverWith(limited(4, 1_000, redisUrl)), await serverWith(limited(4, 1_000, redisUrl))];
    for (const s of [first, second, first, second]) expect((await s.as(email, VIEWER)).body.errors).toBeUndefined();
    const refused = await second.as(email, VIEWER);
    expect(codes(refused)).toEqual(['RATE_LIMITED']);
    expect(refused.status).toBe(429);
  });

  it('refuses an IP address over the limit over HTTP, before reading the body, and keeps /healthz open', async () => {
    const tight = await serverWith(limited(1_000, 3));
    const authorization = await tight.bearer(SOCSEK);
    for (let i = 0; i < 3; i++) expect((await tight.post({ query: VIEWER }, { authorization })).status).toBe(200);
    const refused = await tight.post('{ not even json', { authorization });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(JSON.parse(refused.text).errors[0]).toMatchObject({
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: Number(refused.headers.get('retry-after')) },
    });
    expect((await tight.http('/healthz')).status).toBe(200);
  });

  it('does not let a forged X-Forwarded-For dodge the IP limit, and counts clients behind a trusted proxy apart', async () => {
    const direct = await serverWith(limited(1_000, 2));
    const forged = async (ip: string) => (await direct.post({ query: '{ __typename }' }, { 'x-forwarded-for': ip })).status;
    expect([await forged('203.0.113.1'), await forged('203.0.113.2'), await forged('203.0.113.3')]).toEqual([200, 200, 429]);

    const proxied = await serverWith((c) => ({ ...limited(1_000, 2)(c), http: { ...c.http, trustProxyHops: 1 } }));
    const client = async (ip: string) => (await proxied.post({ query: '{ __typename }' }, { 'x-forwarded-for': ip })).status;
    expect([
      await client('198.51.100.7'),
      await client('198.51.100.7'),
      await client('198.51.100.7'),
      await client('198.51.100.8'),
    ]).toEqual([200, 200, 429, 200]);
  });

  it('answers a user over the limit over HTTP with 429 and Retry-After too', async () => {
    const tight = await serverWith(limited(1, 1_000));
    const authorization = await tight.bearer(SOCSEK);
    expect((await tight.post({ query: VIEWER }, { authorization })).status).toBe(200);
    const refused = await tight.post({ query: VIEWER }, { authorization });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(JSON.parse(refused.text).errors[0].extensions.code).toBe('RATE_LIMITED');
  });
});

describe('error masking', () => {
  it('answers an unexpected error with "Internal server error" and a request id, and logs the error code', async () => {
    // Requests query through their own query runner, others through the data source or its manager: all fail on the notification table.
    const failingQuery =
      (query: (sql: string, params?: unknown[], structured?: boolean) => Promise<any>) =>
      (sql: string, params?: unknown[], structured?: boolean) =>
        /FROM notification/.test(sql)
          ? Promise.reject(
              Object.assign(new Error('relation "notification" does not exist: SELECT id FROM notification WHERE user_id = $1'), {
                code: '42P01',
              }),
            )
          : query(sql, params, structured);
    const failing = <T extends object>(object: T): T =>
      new Proxy(object, {
        get(target, property) {
          if (property === 'query') return failingQuery((sql, params) => (target as unknown as DataSource).query(sql, params));
          if (property === 'createQueryRunner') {
            return () => {
              const runner = (target as unknown as DataSource).createQueryRunner('master');
              runner.query = failingQuery(runner.query.bind(runner) as never) as never;
              return runner;
            };
          }
          if (property === 'manager') return failing((target as unknown as DataSource).manager);
          const value = Reflect.get(target, property, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    const broken = failing(app.dataSource);
    // The viewer lookup stays on the system role's pool beside it, as app/runtime.ts pairs them.
    pairSystemDataSource(broken, systemDataSourceOf(app.dataSource));
    const { logger, entries } = capturingLogger();
    const masked = await serverWith((c) => c, { dataSource: broken as DataSource, logger });
    const response = await masked.post(
      { query: '{ myNotifications { id title } }' },
      { authorization: await masked.bearer(SOCSEK), 'x-request-id': 'support-case-4711' },
    );
    const body = JSON.parse(response.text);
    expect(body.errors).toEqual([
      {
        message: 'Internal server error',
        locations: expect.any(Array),
        path: ['myNotifications'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'support-case-4711' },
      },
    ]);
    expect(response.text).not.toMatch(/notification"|SELECT|42P01|relation/);
    const logged = entries.find((e) => e.msg === 'unexpected resolver error');
    expect(logged).toMatchObject({ level: 'error', requestId: 'support-case-4711' });
    // A database error is logged by its code (and constraint and table, when it has them): its text can carry row values.
    expect(logged?.err).toEqual({ type: 'DatabaseError', code: '42P01' });
    expect((await masked.post({ query: VIEWER }, { authorization: await masked.bearer(SOCSEK) })).text).toBe(
      JSON.stringify({ data: { viewer: { email: SOCSEK } } }) + '\n',
    );
  });

  it('answers a persisted-query hash that does not match as a bad request, not an internal error', async () => {
    const response = await server.post({ query: VIEWER, extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).errors).toEqual([
      { message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } },
    ]);
  });

  it('never echoes a submitted variable value in the error', async () => {
    const number = '201203151236';
    const result = await app.as(SOCSEK, `query($first: Int) { children(first: $first) { edges { cursor } } }`, { first: number });
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
      messages: { en: 'The number of items must be a valid Int.', sv: expect.any(String) },
    });
    expect(JSON.stringify(result)).not.toContain(number);
  });
});
