import { LegalBasis } from '../access/legal-basis';

export enum AuditAction {
  READ = 'READ',
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  /** A worker acted on the record (reminder, escalation, delivery). */
  SYSTEM = 'SYSTEM',
}

export enum AuditOutcome {
  ALLOWED = 'ALLOWED',
  DENIED = 'DENIED',
}

export interface AuditActor {
  readonly userId: string | null;
  readonly agencyId: string | null;
  readonly roles: readonly string[];
}

export interface AuditEvent {
  readonly occurredAt: Date;
  readonly requestId: string;
  readonly actor: AuditActor;
  readonly action: AuditAction;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly childId: string | null;
  /**
   * When one row records the same read of several objects (same type, district,
   * fields, basis and outcome): their ids and children, index by index, and
   * `entityId`/`childId` are null.
   */
  readonly entityIds?: readonly (string | null)[];
  readonly childIds?: readonly (string | null)[];
  readonly districtId: string | null;
  readonly fields: readonly string[];
  readonly legalBasis: LegalBasis | null;
  readonly consentId?: string | null;
  readonly outcome: AuditOutcome;
}

/** A write to record in the write's own transaction; the unit of work adds the actor, time and outcome. */
export interface WriteAudit {
  readonly action: AuditAction.CREATE | AuditAction.UPDATE;
  readonly entityType: string;
  readonly entityId: string;
  readonly childId: string | null;
  readonly districtId: string | null;
  readonly fields: readonly string[];
  /** Null only for writes about no child: administration of districts, agencies and accounts. */
  readonly legalBasis: LegalBasis | null;
  /** Set when the write rests on a consent (LegalBasis.CONSENT). */
  readonly consentId?: string | null;
}

/** The audit entry of a write to a record about a child: under the agency's own basis unless the write rests on another. */
export function recordAudit(
  entityType: string,
  record: { readonly id: string; readonly childId: string; readonly districtId: string },
  action: WriteAudit['action'],
  fields: string[],
  legalBasis: LegalBasis = LegalBasis.SAME_AGENCY,
): WriteAudit {
  return { action, entityType, entityId: record.id, childId: record.childId, districtId: record.districtId, fields, legalBasis };
}
