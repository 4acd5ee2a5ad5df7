import type { DeadlineType } from '../../schema/deadlines/deadline.type';
import type { EscalationType } from '../../schema/deadlines/escalation.type';
import { Role } from '../../domain/access/roles';
import { REPORT_HANDLERS } from '../../domain/reports/reports.grants';
import { and, clockOn, SubjectFacts } from '../../domain/access/conditions';
import { definePolicy, grant, Grant, ModuleAccess } from '../../domain/access/policy';
import { ACTION_READERS, CASE_RECORD_READERS, MEETING_READERS } from '../../domain/collaboration/collaboration.grants';
import { DeadlineSubject } from '../../domain/deadlines/deadline-kinds';

/** Social services in the district handle the report and talk clocks (and read their escalations). */
const handling = REPORT_HANDLERS;

const onClocks = (subjects: DeadlineSubject[], grants: readonly Grant[]) =>
  grants.map((g) => grant(g.roles, and(clockOn(...subjects), g.when), g.basis));

/**
 * A clock is read like what it runs on: a case's clock by those who read that part of the case (its staleness and
 * consent end are the case record, an action's due date its action, a follow-up its meeting).
 */
const clockReaders: readonly Grant[] = [
  ...onClocks(['REPORT', 'TALK', 'SUMMONS'], handling),
  ...onClocks(['COLLABORATION_CASE', 'CONSENT'], CASE_RECORD_READERS),
  ...onClocks(['PLAN_ACTION'], ACTION_READERS),
  ...onClocks(['FOLLOW_UP'], MEETING_READERS),
];

/** A clock row with the facts of its subject (a case part's case, agency, category). */
export type DeadlineFactsRow = DeadlineType & {
  districtId: string;
  childId: string;
  subjectType: DeadlineSubject;
  subjectFacts?: SubjectFacts;
};

export const deadlinePolicy = definePolicy<DeadlineType>()<DeadlineFactsRow>({
  type: 'Deadline',
  personal: true,
  rows: clockReaders,
  facts: (row) => ({
    ...row.subjectFacts,
    entityId: row.id,
    childId: row.childId,
    districtId: row.districtId,
    clockSubject: row.subjectType,
  }),
  fields: {
    id: clockReaders,
    kind: clockReaders,
    subjectReference: clockReaders,
    startsAt: clockReaders,
    dueAt: clockReaders,
    metAt: clockReaders,
    status: clockReaders,
    policyVersion: clockReaders,
    escalationLevel: clockReaders,
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
