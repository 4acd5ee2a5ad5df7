import { LegalBasis } from '../../domain/access/legal-basis';
import { AuditAction, AuditActor, AuditEvent, AuditOutcome } from '../../domain/audit/audit-event';

interface PendingRead {
  entityType: string;
  entityId: string | null;
  childId: string | null;
  districtId: string | null;
  legalBasis: LegalBasis | null;
  /** The consent the read rested on (LegalBasis.CONSENT). */
  consentId?: string | null;
  outcome: AuditOutcome;
  fields: Set<string>;
}

/**
 * Collects the personal-data reads of one request, one entry per object,
 * basis and outcome, and turns them into audit events when the request ends.
 */
export class AuditBuffer {
  private readonly reads = new Map<string, PendingRead>();

  constructor(private readonly requestId: string, private readonly actor: AuditActor, private readonly now: () => Date) {}

  read(entry: Omit<PendingRead, 'fields'> & { field: string }): void {
    const key = `${entry.entityType}|${entry.entityId}|${entry.legalBasis}|${entry.consentId ?? ''}|${entry.outcome}`;
    let pending = this.reads.get(key);
    if (!pending) {
      const { field: _field, ...rest } = entry;
      pending = { ...rest, fields: new Set() };
      this.reads.set(key, pending);
    }
    pending.fields.add(entry.field);
  }

  /** A lookup by id that found nothing the viewer may see (missing or out of scope: the log cannot tell, nor can the viewer). */
  lookupDenied(entityType: string, entityId: string): void {
    this.read({ entityType, entityId, childId: null, districtId: null, legalBasis: null, outcome: AuditOutcome.DENIED, field: '*' });
  }

  get size(): number {
    return this.reads.size;
  }

  /** Empties the buffer and returns its events. */
  drain(): AuditEvent[] {
    const occurredAt = this.now();
    const events = [...this.reads.values()].map((r): AuditEvent => ({
      occurredAt,
      requestId: this.requestId,
      actor: this.actor,
      action: AuditAction.READ,
      entityType: r.entityType,
      entityId: r.entityId,
      childId: r.childId,
      districtId: r.districtId,
      fields: [...r.fields].sort(),
      legalBasis: r.legalBasis,
      consentId: r.consentId ?? null,
      outcome: r.outcome,
    }));
    this.reads.clear();
    return events;
  }
}
