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
  readonly legalBasis: LegalBasis;
  /** Set when the write rests on a consent (LegalBasis.CONSENT). */
  readonly consentId?: string | null;
}
