/**
 * The practical limit for this stack on this machine: `node:http` and `pg`,
 * one hand-written SQL query per request and JSON.stringify. No auth, no
 * policy, no audit, no GraphQL. It answers POST /police-feedback, /talks-due and
 * /case-view with the same JSON the API gives those workloads of `npm run bench`.
 *
 * Env: DATABASE_URL (the scale database), PORT, BASELINE_VIEWER_EMAIL
 * (whose agency's reports are listed; default polis.norr@samverka.test).
 */
import http from 'node:http';
import { Pool } from 'pg';

export const POLICE_FEEDBACK_SQL = `
  SELECT r.id, r.reference, r.child_as_reported, r.received_at, r.feedback_requested, r.feedback_value, r.feedback_given_at,
         (SELECT d.due_at FROM deadline d
           WHERE d.subject_type = 'REPORT' AND d.subject_id = r.id AND d.kind = 'FEEDBACK' AND d.cancelled_at IS NULL
           ORDER BY d.created_at DESC LIMIT 1) AS feedback_due_at
    FROM report r
   WHERE r.reporter_agency_id = $1
   ORDER BY r.received_at DESC, r.id DESC
   LIMIT $2`;

/** The same rows and counts as talksDue: open talks whose earliest running clock is due before `to`, and the load in Stockholm weeks. */
const TALKS_DUE_SQL = `
  SELECT * FROM (
    SELECT t.id, t.reference, t.state,
           (SELECT min(d.due_at) FROM deadline d WHERE d.subject_type IN ('TALK', 'SUMMONS') AND d.subject_id = t.id
              AND d.met_at IS NULL AND d.cancelled_at IS NULL) AS due_at
      FROM talk t WHERE t.district_id = $1 AND t.state NOT IN ('HELD', 'DECLINED', 'CANCELLED')) x
   WHERE x.due_at IS NOT NULL AND x.due_at < $2 ORDER BY x.due_at, x.id LIMIT 500`;

const TALKS_LOAD_SQL = `
  WITH w AS (SELECT (date_trunc('week', now() AT TIME ZONE 'Europe/Stockholm') AT TIME ZONE 'Europe/Stockholm') AS this_week)
  SELECT (SELECT count(DISTINCT d.subject_id)::int FROM deadline d JOIN talk t ON t.id = d.subject_id, w
           WHERE d.subject_type IN ('TALK', 'SUMMONS') AND t.district_id = $1 AND d.cancelled_at IS NULL
             AND d.due_at >= w.this_week AND d.due_at < w.this_week + interval '7 days') AS due,
         (SELECT count(*)::int FROM talk t, w WHERE t.district_id = $1 AND t.held_at >= w.this_week - interval '7 days' AND t.held_at < w.this_week) AS held`;

/** The case page of collaborationCase: the case, its child (age in Stockholm today), goals and the next follow-up. */
const CASE_VIEW_SQL = `
  SELECT cc.id, cc.reference, cc.state, cc.opened_at, cc.youth_goals, c.given_name, c.family_name,
         date_part('year', age((now() AT TIME ZONE 'Europe/Stockholm')::date, c.birth_date))::int AS age,
         coalesce((SELECT json_agg(json_build_object('agency', json_build_object('name', a.name), 'text', g.text) ORDER BY g.position)
                     FROM plan_goal g JOIN agency a ON a.id = g.agency_id WHERE g.case_id = cc.id), '[]') AS agency_goals,
         (SELECT min(m.scheduled_at) FROM collaboration_meeting m WHERE m.case_id = cc.id AND m.kind = 'FOLLOW_UP' AND m.held_at IS NULL) AS next_follow_up_at
    FROM collaboration_case cc LEFT JOIN child c ON c.id = cc.child_id
   WHERE cc.id = $1`;

const CASE_ACTIONS_SQL = `
  SELECT a.id, a.description, ag.name AS agency_name, a.status, a.due_at
    FROM plan_action a JOIN agency ag ON ag.id = a.responsible_agency_id
   WHERE a.case_id = $1 ORDER BY a.due_at, a.id`;

const CASE_MEETINGS_SQL = `
  SELECT m.id, m.kind, m.scheduled_at, m.held_at FROM collaboration_meeting m WHERE m.case_id = $1 ORDER BY m.scheduled_at, m.id`;

export interface Row {
  id: string;
  reference: string;
  child_as_reported: string;
  received_at: Date;
  feedback_requested: boolean;
  feedback_value: string | null;
  feedback_given_at: Date | null;
  feedback_due_at: Date | null;
}

function feedbackStatus(row: Row, now: number): string {
  if (row.feedback_given_at) return 'GIVEN';
  if (!row.feedback_requested) return 'NOT_REQUESTED';
  if (row.feedback_due_at && now > row.feedback_due_at.getTime()) return 'OVERDUE';
  return 'PENDING';
}

const cursorOf = (row: Row) => Buffer.from(JSON.stringify([row.received_at.toISOString(), row.id])).toString('base64url');

export function policeFeedbackBody(rows: Row[], first: number, now: number): string {
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({
    cursor: cursorOf(row),
    node: {
      id: row.id,
      reference: row.reference,
      childAsReported: row.child_as_reported,
      submittedAt: row.received_at,
      feedbackStatus: feedbackStatus(row, now),
      feedback: row.feedback_given_at ? { value: row.feedback_value, givenAt: row.feedback_given_at } : null,
    },
  }));
  return JSON.stringify({
    data: { myReports: { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } } },
  });
}

export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 1_000_000) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is required');
  // The same pool size the API's runtime uses.
  const pool = new Pool({ connectionString: databaseUrl, max: 20, application_name: 'samverka-bench-baseline' });
  const email = process.env.BASELINE_VIEWER_EMAIL ?? 'polis.norr@samverka.test';
  const found = await pool.query(`SELECT agency_id FROM app_user WHERE lower(email) = lower($1)`, [email]);
  if (!found.rows[0]) throw new Error(`No user ${email} in this database: run npm run seed:scale first`);
  const agencyId: string = found.rows[0].agency_id;

  const server = http.createServer(async (req, res) => {
    try {
      if (req.method === 'GET' && req.url === '/healthz') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
        return;
      }
      if (req.method === 'POST' && req.url === '/talks-due') {
        const parsed = JSON.parse((await readBody(req)) || '{}') as { variables?: { districtId?: string; to?: string } };
        const districtId = parsed.variables?.districtId ?? '';
        const [
          { rows: talks },
          {
            rows: [load],
          },
        ] = await Promise.all([
          pool.query(TALKS_DUE_SQL, [districtId, new Date(parsed.variables?.to ?? Date.now())]),
          pool.query(TALKS_LOAD_SQL, [districtId]),
        ]);
        const body = JSON.stringify({
          data: {
            talksDue: {
              dueThisWeek: load.due,
              heldLastWeek: load.held,
              talks: talks.map((t) => ({ id: t.id, reference: t.reference, state: t.state, dueAt: t.due_at })),
            },
          },
        });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
        return;
      }
      if (req.method === 'POST' && req.url === '/case-view') {
        const parsed = JSON.parse((await readBody(req)) || '{}') as { variables?: { id?: string } };
        const id = parsed.variables?.id ?? '';
        const [
          {
            rows: [c],
          },
          { rows: actions },
          { rows: meetings },
        ] = await Promise.all([pool.query(CASE_VIEW_SQL, [id]), pool.query(CASE_ACTIONS_SQL, [id]), pool.query(CASE_MEETINGS_SQL, [id])]);
        if (!c) {
          res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"message":"not found"}]}');
          return;
        }
        const body = JSON.stringify({
          data: {
            collaborationCase: {
              id: c.id,
              reference: c.reference,
              state: c.state,
              openedAt: c.opened_at,
              child:
                c.given_name === null && c.family_name === null ? null : { givenName: c.given_name, familyName: c.family_name, age: c.age },
              youthGoals: c.youth_goals,
              agencyGoals: c.agency_goals,
              actions: actions.map((a) => ({
                id: a.id,
                description: a.description,
                responsibleAgency: { name: a.agency_name },
                status: a.status,
                dueAt: a.due_at,
              })),
              meetings: meetings.map((m) => ({ id: m.id, kind: m.kind, scheduledAt: m.scheduled_at, heldAt: m.held_at })),
              nextFollowUpAt: c.next_follow_up_at,
            },
          },
        });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
        return;
      }
      if (req.method !== 'POST' || req.url !== '/police-feedback') {
        res.writeHead(404).end();
        return;
      }
      const parsed = JSON.parse((await readBody(req)) || '{}') as { variables?: { first?: number } };
      const first = Math.min(100, Math.max(1, Number(parsed.variables?.first ?? 20)));
      const { rows } = await pool.query<Row>(POLICE_FEEDBACK_SQL, [agencyId, first + 1]);
      const body = policeFeedbackBody(rows, first, Date.now());
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: String(error) }] }));
    }
  });
  server.keepAliveTimeout = 65_000;
  const port = Number(process.env.PORT ?? 4100);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  process.stdout.write(`baseline listening on 127.0.0.1:${port} for ${email}\n`);
  const stop = () => {
    server.close(() => void pool.end().then(() => process.exit(0)));
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`baseline failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
