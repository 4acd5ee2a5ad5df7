import { EntityManager } from 'typeorm';
import { AUDIT_REVIEWERS } from '../../domain/access/grants/audit.grants';
import { rowScopeSql } from '../../domain/access/policy';
import { ViewerScope } from '../../domain/access/viewer-scope';

export interface AuditEventRow {
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorAgencyId: string | null;
  actorRoles: string[];
  action: string;
  entityType: string;
  entityId: string | null;
  childId: string | null;
  districtId: string | null;
  fields: string[];
  legalBasis: string | null;
  consentId: string | null;
  outcome: string;
  requestId: string;
}

/** One audit row may cover several objects; the review queries answer with one line per object. */
const ENTRIES = `audit_event a CROSS JOIN LATERAL unnest(coalesce(a.entity_ids, ARRAY[a.entity_id]), coalesce(a.child_ids, ARRAY[a.child_id]))
  WITH ORDINALITY AS e(entity_id, child_id, n)`;
const ENTRY_ID = `CASE WHEN a.entity_ids IS NULL THEN a.id::text ELSE a.id || '.' || e.n END`;

const COLUMNS = `${ENTRY_ID} AS id, a.occurred_at AS "occurredAt", a.actor_user_id AS "actorUserId", a.actor_agency_id AS "actorAgencyId",
  a.actor_roles AS "actorRoles", a.action, a.entity_type AS "entityType", e.entity_id AS "entityId", e.child_id AS "childId",
  a.district_id AS "districtId", a.fields, a.legal_basis AS "legalBasis", a.consent_id AS "consentId", a.outcome, a.request_id AS "requestId"`;

const FACT_COLUMNS = { districtId: 'a.district_id' } as const;

export const MAX_AUDIT_ROWS = 1_000;

/**
 * Another authority's staff are shown by agency only: no name, and not the
 * object they looked up (a denied lookup's id is what they searched for).
 * A partner's read under consent keeps its object: the case's own part, read
 * on the consent the row names, is what the review must check.
 */
function asSeenBy(scope: ViewerScope, rows: AuditEventRow[]): AuditEventRow[] {
  return rows.map((row) => (row.actorAgencyId === scope.agencyId || row.actorUserId === null ? row
    : { ...row, actorUserId: null, entityId: row.consentId ? row.entityId : null }));
}

function scoped(scope: ViewerScope, where: string, params: unknown[], tail: string): { sql: string; params: unknown[] } {
  const visible = rowScopeSql(scope, AUDIT_REVIEWERS, FACT_COLUMNS, params);
  return { sql: `SELECT ${COLUMNS} FROM ${ENTRIES} WHERE ${where} AND ${visible.sql} ${tail}`, params: visible.params };
}

export const auditRepository = {
  /** Who touched this child, newest first. */
  async trail(manager: EntityManager, scope: ViewerScope, childId: string, from: Date, to: Date): Promise<AuditEventRow[]> {
    const q = scoped(scope, '(a.child_id = $1 OR a.child_ids @> ARRAY[$1::uuid]) AND e.child_id = $1 AND a.occurred_at >= $2 AND a.occurred_at < $3',
      [childId, from, to], `ORDER BY a.occurred_at DESC, a.id DESC, e.n LIMIT ${MAX_AUDIT_ROWS}`);
    return asSeenBy(scope, await manager.query(q.sql, q.params));
  },

  /** The agency a user works for, or null for an unknown user. */
  async agencyOfUser(manager: EntityManager, userId: string): Promise<string | null> {
    const [row] = await manager.query(`SELECT agency_id AS "agencyId" FROM app_user WHERE id = $1`, [userId]);
    return row?.agencyId ?? null;
  },

  /** What one user read and wrote in the reviewer's districts, and who changed their roles or agency there, newest first. */
  async accessLog(manager: EntityManager, scope: ViewerScope, userId: string, from: Date, to: Date, districtId: string | null): Promise<AuditEventRow[]> {
    const district = districtId ? ' AND a.district_id = $4' : '';
    const q = scoped(scope, `(a.actor_user_id = $1 OR (a.entity_type = 'UserAccount' AND a.entity_id = $1::text)) AND a.occurred_at >= $2 AND a.occurred_at < $3${district}`, districtId ? [userId, from, to, districtId] : [userId, from, to],
      `ORDER BY a.occurred_at DESC, a.id DESC, e.n LIMIT ${MAX_AUDIT_ROWS}`);
    return asSeenBy(scope, await manager.query(q.sql, q.params));
  },

  /**
   * A random sample of one month's reads in a district, for the monthly log
   * check. The seed makes a review reproducible: the same seed, the same sample.
   */
  async sample(manager: EntityManager, scope: ViewerScope, districtId: string, from: Date, to: Date, size: number, seed: string): Promise<AuditEventRow[]> {
    const q = scoped(scope, `a.district_id = $1 AND a.action = 'READ' AND a.entity_type <> 'AuditEvent' AND a.occurred_at >= $2 AND a.occurred_at < $3`, [districtId, from, to, seed],
      `ORDER BY md5(${ENTRY_ID} || $4), a.id, e.n LIMIT ${Math.min(size, MAX_AUDIT_ROWS)}`);
    return asSeenBy(scope, await manager.query(q.sql, q.params));
  },
};
