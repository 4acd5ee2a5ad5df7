import { EntityManager } from 'typeorm';
import { LegalBasis } from '../../domain/access/legal-basis';
import { AuditAction, AuditOutcome } from '../../domain/audit/audit-event';
import { writeAuditEvents } from '../../db/audit/audit.writer';
import { RequestContext, requireScope } from '../context';

export interface WriteAudit {
  readonly action: AuditAction.CREATE | AuditAction.UPDATE;
  readonly entityType: string;
  readonly entityId: string;
  readonly childId: string | null;
  readonly districtId: string | null;
  readonly fields: readonly string[];
  readonly legalBasis: LegalBasis;
}

/** Records a write in the same transaction as the write itself. */
export async function auditWrite(context: RequestContext, manager: EntityManager, ...writes: WriteAudit[]): Promise<void> {
  const scope = requireScope(context);
  const occurredAt = context.deps.clock.now();
  await writeAuditEvents(manager, writes.map((w) => ({
    ...w,
    occurredAt,
    requestId: context.requestId,
    actor: { userId: scope.userId, agencyId: scope.agencyId, roles: [...scope.roles] },
    outcome: AuditOutcome.ALLOWED,
  })));
}
