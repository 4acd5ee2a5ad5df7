import { EntityManager } from 'typeorm';
import { ACTION_READERS, CASE_READERS } from '../../domain/collaboration/collaboration.grants';
import { rowScopeSql } from '../../domain/access/policy';
import { Role } from '../../domain/access/roles';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { CaseState } from '../../domain/collaboration/collaboration-rules';
import { ActionStatus, MeetingKind } from '../../domain/collaboration/plan-rules';
import { ActionRow, CASE_COLUMNS, CaseRow } from './collaboration.repository';

const CASE_FACT_COLUMNS = { caseId: 'cc.id', districtId: 'cc.district_id', childId: 'cc.child_id' } as const;
const ACTION_FACT_COLUMNS = {
  caseId: 'a.case_id',
  districtId: 'cc.district_id',
  childId: 'cc.child_id',
  agencyId: 'a.responsible_agency_id',
  crimeInformation: 'a.crime_information',
} as const;

const ACTION_SELECT = `SELECT a.id, a.kind, a.description, a.responsible_agency_id AS "responsibleAgencyId", ag.kind AS "responsibleAgencyKind",
  a.responsible_user_id AS "responsibleUserId", a.due_at AS "dueAt", a.status, a.cancel_reason AS "cancelReason",
  a.crime_information AS "crimeInformation", cc.id AS "caseId", cc.reference AS "caseReference", cc.child_id AS "childId", cc.district_id AS "districtId",
  cc.coordinator_user_id AS "coordinatorUserId"
  FROM plan_action a JOIN collaboration_case cc ON cc.id = a.case_id JOIN agency ag ON ag.id = a.responsible_agency_id`;

export interface CaseFilter {
  readonly states?: readonly CaseState[] | null;
  readonly openOnly?: boolean | null;
}

/** Reads that take the viewer's scope and put the policy's row grants in the WHERE clause. */
export const collaborationReads = {
  visibleCases(manager: EntityManager, scope: ViewerScope, ids: readonly string[]): Promise<CaseRow[]> {
    const params: unknown[] = [ids];
    const visible = rowScopeSql(scope, CASE_READERS, CASE_FACT_COLUMNS, params);
    return manager.query(
      `SELECT ${CASE_COLUMNS} FROM collaboration_case cc WHERE cc.id = ANY($1::uuid[]) AND ${visible.sql}`,
      visible.params,
    );
  },

  visibleCasesOfChildren(manager: EntityManager, scope: ViewerScope, childIds: readonly string[]): Promise<CaseRow[]> {
    const params: unknown[] = [childIds];
    const visible = rowScopeSql(scope, CASE_READERS, CASE_FACT_COLUMNS, params);
    return manager.query(
      `SELECT ${CASE_COLUMNS} FROM collaboration_case cc WHERE cc.child_id = ANY($1::uuid[]) AND ${visible.sql} ORDER BY cc.opened_at DESC, cc.id`,
      visible.params,
    );
  },

  /** A coordinator's own cases; a partner's team cases; social services' district cases. */
  myCases(manager: EntityManager, scope: ViewerScope, filter: CaseFilter, limit: number): Promise<CaseRow[]> {
    const params: unknown[] = [];
    const visible = rowScopeSql(scope, CASE_READERS, CASE_FACT_COLUMNS, params);
    const where = [visible.sql];
    if (scope.roles.has(Role.SSPF_COORDINATOR)) {
      params.push(scope.userId);
      where.push(`cc.coordinator_user_id = $${params.length}`);
    }
    if (filter.states?.length) {
      params.push(filter.states);
      where.push(`cc.state = ANY($${params.length}::text[])`);
    }
    if (filter.openOnly) where.push(`cc.state <> '${CaseState.CLOSED}'`);
    params.push(limit);
    return manager.query(
      `SELECT ${CASE_COLUMNS} FROM collaboration_case cc WHERE ${where.join(' AND ')} ORDER BY cc.opened_at DESC, cc.id LIMIT $${params.length}`,
      params,
    );
  },

  /** What the viewer must do, across their open cases, earliest due first. */
  myActions(manager: EntityManager, scope: ViewerScope): Promise<ActionRow[]> {
    const params: unknown[] = [scope.userId];
    const visible = rowScopeSql(scope, ACTION_READERS, ACTION_FACT_COLUMNS, params);
    return manager.query(
      `${ACTION_SELECT} WHERE a.responsible_user_id = $1 AND a.status IN ('${ActionStatus.PLANNED}', '${ActionStatus.IN_PROGRESS}')
         AND cc.state <> '${CaseState.CLOSED}' AND ${visible.sql} ORDER BY a.due_at, a.id`,
      visible.params,
    );
  },

  /** The week's agenda: intakes opened in it, cases with a follow-up in it, actions overdue now. */
  async agenda(manager: EntityManager, scope: ViewerScope, districtId: string, start: Date, end: Date, now: Date) {
    const caseParams: unknown[] = [districtId, start, end];
    const visibleCase = rowScopeSql(scope, CASE_READERS, CASE_FACT_COLUMNS, caseParams);
    const newIntakes: CaseRow[] = await manager.query(
      `SELECT ${CASE_COLUMNS} FROM collaboration_case cc
        WHERE cc.district_id = $1 AND cc.opened_at >= $2 AND cc.opened_at < $3 AND ${visibleCase.sql} ORDER BY cc.opened_at, cc.id`,
      visibleCase.params,
    );
    const followParams: unknown[] = [districtId, end];
    const visibleFollow = rowScopeSql(scope, CASE_READERS, CASE_FACT_COLUMNS, followParams);
    const dueForFollowUp: CaseRow[] = await manager.query(
      `SELECT ${CASE_COLUMNS} FROM collaboration_case cc
        WHERE cc.district_id = $1 AND cc.state <> '${CaseState.CLOSED}' AND ${visibleFollow.sql}
          AND EXISTS (SELECT 1 FROM collaboration_meeting m WHERE m.case_id = cc.id AND m.kind = '${MeetingKind.FOLLOW_UP}'
                        AND m.held_at IS NULL AND m.cancelled_at IS NULL AND m.scheduled_at < $2)
        ORDER BY cc.reference`,
      visibleFollow.params,
    );
    const actionParams: unknown[] = [districtId, now];
    const visibleAction = rowScopeSql(scope, ACTION_READERS, ACTION_FACT_COLUMNS, actionParams);
    const overdueActions: ActionRow[] = await manager.query(
      `${ACTION_SELECT} WHERE cc.district_id = $1 AND cc.state <> '${CaseState.CLOSED}' AND a.due_at < $2
         AND a.status IN ('${ActionStatus.PLANNED}', '${ActionStatus.IN_PROGRESS}') AND ${visibleAction.sql} ORDER BY a.due_at, a.id`,
      visibleAction.params,
    );
    return { newIntakes, dueForFollowUp, overdueActions };
  },
};
