import type { AuditEventType } from '../../schema/audit/audit-event.type';
import { AUDIT_REVIEWERS } from '../../domain/audit/audit.grants';
import { definePolicy, ModuleAccess } from '../../domain/access/policy';
import { Role } from '../../domain/access/roles';

const supervisors = AUDIT_REVIEWERS;

export const auditEventPolicy = definePolicy<AuditEventType>()<AuditEventType & { districtId: string | null }>({
  type: 'AuditEvent',
  personal: true,
  rows: supervisors,
  facts: (row) => ({ entityId: row.id, childId: row.childId, districtId: row.districtId }),
  fields: {
    id: supervisors,
    occurredAt: supervisors,
    actor: supervisors,
    actorAgency: supervisors,
    actorRoles: supervisors,
    action: supervisors,
    entityType: supervisors,
    entityId: supervisors,
    childId: supervisors,
    fields: supervisors,
    legalBasis: supervisors,
    consentId: supervisors,
    outcome: supervisors,
    requestId: supervisors,
  },
});

export const AUDIT_ACCESS: ModuleAccess = {
  types: [auditEventPolicy],
  queries: {
    auditTrail: [Role.SOCIAL_SERVICES_SUPERVISOR],
    accessLog: [Role.SOCIAL_SERVICES_SUPERVISOR],
    auditSample: [Role.SOCIAL_SERVICES_SUPERVISOR],
  },
};
