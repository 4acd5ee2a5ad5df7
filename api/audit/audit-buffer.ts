import { LegalBasis } from '../../domain/access/legal-basis';
import { ReadGroup } from '../../domain/access/field-access';
import { AuditAction, AuditActor, AuditEvent, AuditOutcome } from '../../domain/audit/audit-event';

interface ReadObject {
  readonly entityType: string;
  readonly entityId: string | null;
  readonly childId: string | null;
  readonly districtId: string | null;
}

interface PendingRead extends ReadObject {
  readonly legalBasis: LegalBasis | null;
  /** The consent the read rested on (LegalBasis.CONSENT). */
  readonly consentId: string | null;
  readonly outcome: AuditOutcome;
  /** Shared and sorted until a second read of the same object adds fields. */
  fields: readonly string[] | Set<string>;
}

/**
 * Collects the personal-data reads of one request, one entry per object,
 * basis, consent and outcome, and turns them into audit events when the
 * request ends: one event per type, district, basis, consent, outcome and
 * field list, naming every object it covers.
 */
export class AuditBuffer {
  private readonly reads = new Map<string, PendingRead>();

  constructor(
    private readonly requestId: string,
    private readonly actor: AuditActor,
    private readonly now: () => Date,
  ) {}

  /** The reads of one object, as the access policy decided them. */
  readObject(object: ReadObject, groups: readonly ReadGroup[]): void {
    for (const group of groups) {
      const outcome = group.allowed ? AuditOutcome.ALLOWED : AuditOutcome.DENIED;
      this.add(object, group.basis, group.consentId, outcome, group.fields);
    }
  }

  /** A single read a service makes outside the per-object policy path (a lookup by personal identity number). */
  read(entry: ReadObject & { readonly legalBasis: LegalBasis | null; readonly outcome: AuditOutcome; readonly field: string }): void {
    this.add(entry, entry.legalBasis, null, entry.outcome, [entry.field]);
  }

  /**
   * A lookup that found nothing the viewer may see. The viewer cannot tell
   * missing from out of scope; the log names the child and district when the
   * record exists, so that district's supervisors see the attempt.
   */
  lookupDenied(
    entityType: string,
    entityId: string | null,
    subject: { childId: string | null; districtId: string | null } = { childId: null, districtId: null },
    field = '*',
  ): void {
    this.add({ entityType, entityId, childId: subject.childId, districtId: subject.districtId }, null, null, AuditOutcome.DENIED, [field]);
  }

  private add(
    object: ReadObject,
    legalBasis: LegalBasis | null,
    consentId: string | null,
    outcome: AuditOutcome,
    fields: readonly string[],
  ): void {
    const key = `${object.entityType}|${object.entityId}|${legalBasis}|${consentId}|${outcome}`;
    const pending = this.reads.get(key);
    if (!pending) {
      this.reads.set(key, {
        entityType: object.entityType,
        entityId: object.entityId,
        childId: object.childId,
        districtId: object.districtId,
        legalBasis,
        consentId,
        outcome,
        fields,
      });
      return;
    }
    if (pending.fields === fields) return;
    const merged = pending.fields instanceof Set ? pending.fields : new Set(pending.fields);
    for (const field of fields) merged.add(field);
    pending.fields = merged;
  }

  get size(): number {
    return this.reads.size;
  }

  /** Empties the buffer and returns its events. */
  drain(): AuditEvent[] {
    const occurredAt = this.now();
    const rows = new Map<string, { read: PendingRead; fields: string[]; entityIds: (string | null)[]; childIds: (string | null)[] }>();
    for (const read of this.reads.values()) {
      const fields = read.fields instanceof Set ? [...read.fields].sort() : [...read.fields];
      const key = `${read.entityType}|${read.districtId}|${read.legalBasis}|${read.consentId}|${read.outcome}|${fields.join(',')}`;
      const row = rows.get(key);
      if (row) {
        row.entityIds.push(read.entityId);
        row.childIds.push(read.childId);
      } else {
        rows.set(key, { read, fields, entityIds: [read.entityId], childIds: [read.childId] });
      }
    }
    this.reads.clear();
    return [...rows.values()].map(({ read, fields, entityIds, childIds }): AuditEvent => ({
      occurredAt,
      requestId: this.requestId,
      actor: this.actor,
      action: AuditAction.READ,
      entityType: read.entityType,
      ...(entityIds.length === 1
        ? { entityId: read.entityId, childId: read.childId }
        : { entityId: null, childId: null, entityIds, childIds }),
      districtId: read.districtId,
      fields,
      legalBasis: read.legalBasis,
      consentId: read.consentId,
      outcome: read.outcome,
    }));
  }
}
