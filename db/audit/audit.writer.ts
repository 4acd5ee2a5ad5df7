import { EntityManager } from 'typeorm';
import { AuditEvent } from '../../domain/audit/audit-event';

const COLUMNS = [
  'occurred_at',
  'request_id',
  'actor_user_id',
  'actor_agency_id',
  'actor_roles',
  'action',
  'entity_type',
  'entity_id',
  'child_id',
  'entity_ids',
  'child_ids',
  'district_id',
  'fields',
  'legal_basis',
  'consent_id',
  'outcome',
] as const;

/** Writes audit events in one multi-row INSERT, inside the caller's transaction when given one. */
export async function writeAuditEvents(manager: EntityManager, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const params: unknown[] = [];
  const rows = events.map((e) => {
    const values = [
      e.occurredAt,
      e.requestId,
      e.actor.userId,
      e.actor.agencyId,
      [...e.actor.roles],
      e.action,
      e.entityType,
      e.entityId,
      e.childId,
      e.entityIds ? [...e.entityIds] : null,
      e.childIds ? [...e.childIds] : null,
      e.districtId,
      [...e.fields],
      e.legalBasis,
      e.consentId ?? null,
      e.outcome,
    ];
    const placeholders = values.map((v) => {
      params.push(v);
      return `$${params.length}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  await manager.query(`INSERT INTO audit_event (${COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`, params);
}
