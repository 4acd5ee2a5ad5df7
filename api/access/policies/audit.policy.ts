import type { AuditEventType } from '../../../schema/audit/audit-event.type';
import { AUDIT_REVIEWERS } from '../../../domain/access/grants/audit.grants';
import { definePolicy } from '../../../domain/access/policy';

const supervisors = AUDIT_REVIEWERS;

export const auditEventPolicy = definePolicy<AuditEventType>()<AuditEventType & { districtId: string | null }>({
  type: 'AuditEvent',
  personal: true,
  rows: supervisors,
  facts: (row) => ({ entityId: row.id, childId: row.childId, districtId: row.districtId }),
  fields: {
    id: supervisors, occurredAt: supervisors, actor: supervisors, actorAgency: supervisors, actorRoles: supervisors, action: supervisors,
    entityType: supervisors, entityId: supervisors, childId: supervisors, fields: supervisors, legalBasis: supervisors, consentId: supervisors, outcome: supervisors,
    requestId: supervisors,
  },
});
