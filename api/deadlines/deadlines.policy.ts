import type { DeadlineType } from '../../schema/deadlines/deadline.type';
import type { EscalationType } from '../../schema/deadlines/escalation.type';
import { Role } from '../../domain/access/roles';
import { REPORT_HANDLERS } from '../../domain/reports/reports.grants';
import { definePolicy, ModuleAccess } from '../../domain/access/policy';

/** Today social services in the district read the clocks; a module whose roles read them widens these grants. */
const handling = REPORT_HANDLERS;

export const deadlinePolicy = definePolicy<DeadlineType>()<DeadlineType & { districtId: string; childId: string }>({
  type: 'Deadline',
  personal: true,
  rows: handling,
  facts: (row) => ({ entityId: row.id, childId: row.childId, districtId: row.districtId }),
  fields: {
    id: handling,
    kind: handling,
    subjectReference: handling,
    startsAt: handling,
    dueAt: handling,
    metAt: handling,
    status: handling,
    policyVersion: handling,
    escalationLevel: handling,
  },
});

/** An escalated clock: the supervisors of the district, like the clock itself. */
export const escalationPolicy = definePolicy<EscalationType>()<EscalationType & { districtId: string; childId: string }>({
  type: 'Escalation',
  personal: true,
  rows: handling,
  facts: (row) => ({ entityId: row.id, childId: row.childId, districtId: row.districtId }),
  fields: {
    id: handling,
    kind: handling,
    reference: handling,
    reportId: handling,
    talkId: handling,
    dueAt: handling,
    escalatedAt: handling,
    escalationLevel: handling,
    responsible: handling,
  },
});

export const DEADLINES_ACCESS: ModuleAccess = {
  types: [deadlinePolicy, escalationPolicy],
  queries: { escalations: [Role.SOCIAL_SERVICES_SUPERVISOR] },
};
