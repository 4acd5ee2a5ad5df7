import type { AuditEventType } from '../../../schema/audit/audit-event.type';
import { sameDistrict } from '../conditions';
import { LegalBasis } from '../legal-basis';
import { definePolicy, grant } from '../policy';
import { Role } from '../roles';

/** Social services supervisors review who read the children of their districts. */
const supervisors = [grant([Role.SOCIAL_SERVICES_SUPERVISOR], sameDistrict, LegalBasis.SAME_AGENCY)];

export const AUDIT_REVIEWERS = supervisors;

export const auditEventPolicy = definePolicy<AuditEventType>()<AuditEventType & { districtId: string | null }>({
  type: 'AuditEvent',
  personal: true,
  rows: supervisors,
  facts: (row) => ({ entityId: row.id, childId: row.childId, districtId: row.districtId }),
  fields: {
    id: supervisors, occurredAt: supervisors, actor: supervisors, actorAgency: supervisors, actorRoles: supervisors, action: supervisors,
    entityType: supervisors, entityId: supervisors, childId: supervisors, fields: supervisors, legalBasis: supervisors, outcome: supervisors,
    requestId: supervisors,
  },
});
