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
  outcome: string;
  requestId: string;
}

const COLUMNS = `a.id, a.occurred_at AS "occurredAt", a.actor_user_id AS "actorUserId", a.actor_agency_id AS "actorAgencyId",
  a.actor_roles AS "actorRoles", a.action, a.entity_type AS "entityType", a.entity_id AS "entityId", a.child_id AS "childId",
  a.district_id AS "districtId", a.fields, a.legal_basis AS "legalBasis", a.outcome, a.request_id AS "requestId"`;

const FACT_COLUMNS = { districtId: 'a.district_id' } as const;

export const MAX_AUDIT_ROWS = 1_000;

function scoped(scope: ViewerScope, where: string, params: unknown[], tail: string): { sql: string; params: unknown[] } {
  const visible = rowScopeSql(scope, AUDIT_REVIEWERS, FACT_COLUMNS, params);
  return { sql: `SELECT ${COLUMNS} FROM audit_event a WHERE ${where} AND ${visible.sql} ${tail}`, params: visible.params };
}

export const auditRepository = {
  /** Who touched this child, newest first. */
  trail(manager: EntityManager, scope: ViewerScope, childId: string, from: Date, to: Date): Promise<AuditEventRow[]> {
    const q = scoped(scope, 'a.child_id = $1 AND a.occurred_at >= $2 AND a.occurred_at < $3', [childId, from, to], `ORDER BY a.occurred_at DESC, a.id DESC LIMIT ${MAX_AUDIT_ROWS}`);
    return manager.query(q.sql, q.params);
  },

  /** What one user read and wrote in the reviewer's districts, newest first. */
  accessLog(manager: EntityManager, scope: ViewerScope, userId: string, from: Date, to: Date): Promise<AuditEventRow[]> {
    const q = scoped(scope, 'a.actor_user_id = $1 AND a.occurred_at >= $2 AND a.occurred_at < $3', [userId, from, to], `ORDER BY a.occurred_at DESC, a.id DESC LIMIT ${MAX_AUDIT_ROWS}`);
    return manager.query(q.sql, q.params);
  },

  /**
   * A random sample of one month's reads in a district, for the monthly log
   * check. The seed makes a review reproducible: the same seed, the same sample.
   */
  sample(manager: EntityManager, scope: ViewerScope, districtId: string, from: Date, to: Date, size: number, seed: string): Promise<AuditEventRow[]> {
    const q = scoped(scope, `a.district_id = $1 AND a.action = 'READ' AND a.entity_type <> 'AuditEvent' AND a.occurred_at >= $2 AND a.occurred_at < $3`, [districtId, from, to, seed],
      `ORDER BY md5(a.id::text || $4), a.id LIMIT ${Math.min(size, MAX_AUDIT_ROWS)}`);
    return manager.query(q.sql, q.params);
  },
};
