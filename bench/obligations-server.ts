/**
 * The obligations baseline: what the law requires of police-feedback and
 * nothing else, hand-written on `node:http` and `pg`. Per request: verify the
 * token (RS256 against the JWKS, kept until it expires as the API keeps it),
 * look the user up (a disabled user is refused on the next request), put the
 * transaction in the viewer's row scope, the query, the audit row, commit; the
 * answer leaves only after its audit row is durable. No GraphQL, no policy
 * table, no framework. Compared with bench/baseline-server.ts (one query, no
 * obligations) it splits the product's cost into obligations and framework.
 *
 * Env: DATABASE_URL (the application role, so row-level security applies), DATABASE_SYSTEM_URL (the viewer lookup),
 * AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE, PORT.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { Pool, PoolClient } from 'pg';
import { viewerScopeStatement } from '../db/access/row-scope';
import { POLICE_FEEDBACK_SQL, policeFeedbackBody, readBody, Row } from './baseline-server';

/** The same rows as the bare baseline, with what the audit row names: the child and the district of each report. */
const POLICE_FEEDBACK_AUDITED_SQL = POLICE_FEEDBACK_SQL.replace('SELECT r.id,', 'SELECT r.child_id, r.district_id, r.id,');

const VIEWER_SQL = `
  SELECT u.id, u.agency_id, u.roles, a.district_ids FROM app_user u JOIN agency a ON a.id = u.agency_id
   WHERE u.subject = $1 AND u.disabled_at IS NULL`;

/**
 * What the API's audit records of police-feedback, one row per read and district: the report's own fields on the
 * reporting agency's basis, and the feedback (its status, and the feedback itself where given) under the duty to report.
 */
const AUDIT_SQL = `
  INSERT INTO audit_event (occurred_at, request_id, actor_user_id, actor_agency_id, actor_roles, action, entity_type,
                           entity_ids, child_ids, district_id, fields, legal_basis, outcome)
  SELECT now(), $1, $2, $3, $4, 'READ', r.entity_type, array_agg(t.id ORDER BY t.n), array_agg(t.child_id ORDER BY t.n), t.district_id,
         r.fields, r.legal_basis, 'ALLOWED'
    FROM unnest($5::uuid[], $6::uuid[], $7::uuid[], $8::bool[]) WITH ORDINALITY AS t(id, child_id, district_id, feedback_given, n)
   CROSS JOIN (VALUES ('Report', '{childAsReported,id,reference,submittedAt}'::text[], 'SAME_AGENCY', false),
                      ('Report', '{feedback,feedbackStatus}'::text[], 'REPORTING_DUTY', false),
                      ('ReportFeedback', '{givenAt,value}'::text[], 'REPORTING_DUTY', true)) AS r(entity_type, fields, legal_basis, given_only)
   WHERE t.feedback_given OR NOT r.given_only
   GROUP BY r.entity_type, r.fields, r.legal_basis, t.district_id`;

interface Viewer {
  readonly id: string;
  readonly agency_id: string;
  readonly roles: string[];
  readonly district_ids: string[];
}

type AuditedRow = Row & { child_id: string; district_id: string };

class Refused extends Error {}

function tokenVerifier() {
  const jwks = createRemoteJWKSet(new URL(process.env.AUTH_JWKS_URL!));
  const verified = new Map<string, { subject: string; expiresAtMs: number }>();
  return async (authorization: string | undefined): Promise<string> => {
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : '';
    const hit = verified.get(token);
    if (hit && Date.now() < hit.expiresAtMs) return hit.subject;
    const { payload } = await jwtVerify(token, jwks, {
      issuer: process.env.AUTH_ISSUER,
      audience: process.env.AUTH_AUDIENCE,
      algorithms: ['RS256'],
      requiredClaims: ['exp', 'sub'],
    }).catch(() => {
      throw new Refused('token');
    });
    verified.set(token, { subject: String(payload.sub), expiresAtMs: Number(payload.exp) * 1000 });
    return String(payload.sub);
  };
}

/**
 * The viewer in system scope on the system role (the API's role cannot take it), as the API looks it up: one
 * statement on connections that start in system scope.
 */
async function lookUpViewer(system: Pool, subject: string): Promise<Viewer> {
  const {
    rows: [viewer],
  } = await system.query<Viewer>(VIEWER_SQL, [subject]);
  if (!viewer) throw new Refused('viewer');
  return viewer;
}

/** One transaction on the application role: BEGIN with the viewer's row scope (one round trip), the query, the audit row. */
async function policeFeedback(client: PoolClient, viewer: Viewer, first: number): Promise<string> {
  await client.query(`BEGIN; ${viewerScopeStatement({ districtIds: viewer.district_ids, agencyId: viewer.agency_id })}`);
  try {
    const { rows } = await client.query<AuditedRow>(POLICE_FEEDBACK_AUDITED_SQL, [viewer.agency_id, first + 1]);
    const shown = rows.slice(0, first);
    if (shown.length) {
      await client.query(AUDIT_SQL, [
        randomUUID(),
        viewer.id,
        viewer.agency_id,
        viewer.roles,
        shown.map((r) => r.id),
        shown.map((r) => r.child_id),
        shown.map((r) => r.district_id),
        shown.map((r) => r.feedback_given_at !== null),
      ]);
    }
    await client.query('COMMIT');
    return policeFeedbackBody(rows, first, Date.now());
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20, application_name: 'samverka-bench-obligations' });
  const system = new Pool({
    connectionString: process.env.DATABASE_SYSTEM_URL,
    max: 5,
    application_name: 'samverka-bench-obligations-system',
    options: '-c samverka.scope=system',
  });
  const [{ system: scoped }] = (await system.query(`SELECT samverka_system_scope() AS system`)).rows;
  if (scoped !== true) throw new Error('DATABASE_SYSTEM_URL: its connections do not start in system scope');
  const verify = tokenVerifier();
  const server = http.createServer(async (req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (req.method !== 'POST' || req.url !== '/police-feedback') {
      res.writeHead(404).end();
      return;
    }
    let client: PoolClient | undefined;
    try {
      const subject = await verify(req.headers.authorization);
      const parsed = JSON.parse((await readBody(req)) || '{}') as { variables?: { first?: number } };
      const first = Math.min(100, Math.max(1, Number(parsed.variables?.first ?? 20)));
      const viewer = await lookUpViewer(system, subject);
      client = await pool.connect();
      const body = await policeFeedback(client, viewer, first);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
    } catch (error) {
      const refused = error instanceof Refused;
      res
        .writeHead(refused ? 401 : 500, { 'content-type': 'application/json' })
        .end(JSON.stringify({ errors: [{ message: refused ? 'unauthenticated' : 'internal error' }] }));
    } finally {
      client?.release();
    }
  });
  server.keepAliveTimeout = 65_000;
  const port = Number(process.env.PORT ?? 4101);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  process.stdout.write(`obligations baseline listening on 127.0.0.1:${port}\n`);
  const stop = () => {
    server.close(() => void Promise.all([pool.end(), system.end()]).then(() => process.exit(0)));
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`obligations baseline failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
