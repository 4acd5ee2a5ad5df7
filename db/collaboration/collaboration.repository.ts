import { EntityManager } from 'typeorm';
import { keptChildrenOf } from '../children';
import { AgencyKind } from '../../domain/access/roles';
import { CaseSource, CaseState, ClosingReason } from '../../domain/collaboration/collaboration-rules';
import { ActionKind, ActionStatus, CaseText, MeetingKind } from '../../domain/collaboration/plan-rules';
import { CollaborationModel } from '../../domain/consent/consent-rules';
import { DeadlineSubject } from '../../domain/deadlines/deadline-kinds';
import { ClockSubject } from '../../domain/deadlines/deadline-subjects';

export interface CaseRow {
  id: string;
  reference: string;
  childId: string;
  districtId: string;
  policyVersion: number;
  model: CollaborationModel;
  modelOverrideReason: string | null;
  source: CaseSource;
  sourceSubjectId: string | null;
  concern: string;
  state: CaseState;
  coordinatorUserId: string;
  openedAt: Date;
  lastActivityAt: Date;
  youthGoals: string[];
  closedAt: Date | null;
  closingReason: ClosingReason | null;
  closingNote: string | null;
}

export const CASE_COLUMNS = `cc.id, cc.reference, cc.child_id AS "childId", cc.district_id AS "districtId", cc.policy_version AS "policyVersion",
  cc.model, cc.model_override_reason AS "modelOverrideReason", cc.source, cc.source_subject_id AS "sourceSubjectId", cc.concern, cc.state,
  cc.coordinator_user_id AS "coordinatorUserId", cc.opened_at AS "openedAt", cc.last_activity_at AS "lastActivityAt",
  cc.youth_goals AS "youthGoals", cc.closed_at AS "closedAt", cc.closing_reason AS "closingReason", cc.closing_note AS "closingNote"`;

/** What the access policy needs of a case's parts: the case's own facts travel with each row. */
export interface CaseFacts {
  caseId: string;
  caseReference: string;
  childId: string;
  districtId: string;
  coordinatorUserId: string;
}

const CASE_FACT_COLUMNS = `cc.id AS "caseId", cc.reference AS "caseReference", cc.child_id AS "childId", cc.district_id AS "districtId",
  cc.coordinator_user_id AS "coordinatorUserId"`;

export interface StateChangeRow extends CaseFacts {
  state: CaseState;
  at: Date;
  actorUserId: string;
}

export interface TeamMemberRow extends CaseFacts {
  id: string;
  userId: string;
  agencyId: string;
  role: string | null;
  addedAt: Date;
  endedAt: Date | null;
  endReason: string | null;
}

export interface GoalRow extends CaseFacts {
  id: string;
  agencyId: string;
  agencyKind: AgencyKind;
  text: string;
  crimeInformation: boolean;
}

export interface ActionRow extends CaseFacts {
  id: string;
  kind: ActionKind;
  description: string;
  responsibleAgencyId: string;
  responsibleAgencyKind: AgencyKind;
  responsibleUserId: string;
  dueAt: Date;
  status: ActionStatus;
  cancelReason: string | null;
  crimeInformation: boolean;
}

const ACTION_COLUMNS = `a.id, a.kind, a.description, a.responsible_agency_id AS "responsibleAgencyId", ag.kind AS "responsibleAgencyKind",
  a.responsible_user_id AS "responsibleUserId", a.due_at AS "dueAt", a.status, a.cancel_reason AS "cancelReason",
  a.crime_information AS "crimeInformation", ${CASE_FACT_COLUMNS}`;

export interface NoteRow {
  id: string;
  actionId: string;
  authorUserId: string;
  text: string;
  writtenAt: Date;
  crimeInformation: boolean;
}

export interface MeetingRow extends CaseFacts {
  id: string;
  kind: MeetingKind;
  scheduledAt: Date;
  heldAt: Date | null;
  attendeeUserIds: string[];
  decisions: string | null;
  planChanges: string | null;
  calendarSequence: number;
  cancelledAt: Date | null;
  cancelReason: string | null;
}

const MEETING_COLUMNS = `m.id, m.kind, m.scheduled_at AS "scheduledAt", m.held_at AS "heldAt", m.attendee_user_ids AS "attendeeUserIds",
  m.decisions, m.plan_changes AS "planChanges", m.calendar_sequence AS "calendarSequence", m.cancelled_at AS "cancelledAt",
  m.cancel_reason AS "cancelReason", ${CASE_FACT_COLUMNS}`;

export interface NewCase {
  readonly reference: string;
  readonly childId: string;
  readonly districtId: string;
  readonly policyVersion: number;
  readonly model: CollaborationModel;
  readonly modelOverrideReason: string | null;
  readonly source: CaseSource;
  readonly sourceSubjectId: string | null;
  readonly concern: string;
  readonly coordinatorUserId: string;
  readonly now: Date;
}

export interface NewAction {
  readonly caseId: string;
  readonly kind: ActionKind;
  readonly description: string;
  readonly responsibleAgencyId: string;
  readonly responsibleUserId: string;
  readonly dueAt: Date;
  readonly createdByUserId: string;
  readonly crimeInformation: boolean;
}

const TEXT_TABLES: Readonly<Record<CaseText, string>> = {
  [CaseText.AGENCY_GOAL]: 'plan_goal',
  [CaseText.PLAN_ACTION]: 'plan_action',
  [CaseText.ACTION_NOTE]: 'plan_action_note',
};

const CASE_OF_TEXT: Readonly<Record<CaseText, string>> = {
  [CaseText.AGENCY_GOAL]: `SELECT case_id AS "caseId" FROM plan_goal WHERE id = $1`,
  [CaseText.PLAN_ACTION]: `SELECT case_id AS "caseId" FROM plan_action WHERE id = $1`,
  [CaseText.ACTION_NOTE]: `SELECT p.case_id AS "caseId" FROM plan_action_note n JOIN plan_action p ON p.id = n.action_id WHERE n.id = $1`,
};

/** Persistence of collaboration cases and their parts. Each write runs in the caller's unit of work. */
export const collaborationRepository = {
  async nextReference(manager: EntityManager, model: CollaborationModel, year: number): Promise<string> {
    const [{ n }] = await manager.query(`SELECT nextval('collaboration_case_reference_seq') AS n`);
    return `${model}-${year}-${String(n).padStart(6, '0')}`;
  },

  async insertCase(manager: EntityManager, c: NewCase): Promise<CaseRow> {
    const [row] = await manager.query(
      `INSERT INTO collaboration_case AS cc (reference, child_id, district_id, policy_version, model, model_override_reason, source,
         source_subject_id, concern, state, coordinator_user_id, opened_at, last_activity_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$12) RETURNING ${CASE_COLUMNS}`,
      [
        c.reference,
        c.childId,
        c.districtId,
        c.policyVersion,
        c.model,
        c.modelOverrideReason,
        c.source,
        c.sourceSubjectId,
        c.concern,
        CaseState.INTAKE,
        c.coordinatorUserId,
        c.now,
      ],
    );
    await this.recordState(manager, row.id, CaseState.INTAKE, c.now, c.coordinatorUserId);
    return row;
  },

  async recordState(manager: EntityManager, caseId: string, state: CaseState, at: Date, actorUserId: string): Promise<void> {
    await manager.query(`UPDATE collaboration_case SET state = $2 WHERE id = $1`, [caseId, state]);
    await manager.query(`INSERT INTO collaboration_case_state (case_id, state, at, actor_user_id) VALUES ($1, $2, $3, $4)`, [
      caseId,
      state,
      at,
      actorUserId,
    ]);
  },

  /** Any write to a case counts as activity for the stale-case clock. */
  async touch(manager: EntityManager, caseId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE collaboration_case SET last_activity_at = greatest(last_activity_at, $2) WHERE id = $1`, [caseId, at]);
  },

  async close(manager: EntityManager, caseId: string, reason: ClosingReason, note: string | null, at: Date): Promise<void> {
    await manager.query(`UPDATE collaboration_case SET closed_at = $2, closing_reason = $3, closing_note = $4 WHERE id = $1`, [
      caseId,
      at,
      reason,
      note,
    ]);
  },

  async setYouthGoals(manager: EntityManager, caseId: string, goals: readonly string[]): Promise<void> {
    await manager.query(`UPDATE collaboration_case SET youth_goals = $2 WHERE id = $1`, [caseId, goals]);
  },

  async replaceAgencyGoals(
    manager: EntityManager,
    caseId: string,
    goals: readonly { agencyId: string; text: string; crimeInformation: boolean }[],
  ): Promise<void> {
    await manager.query(`DELETE FROM plan_goal WHERE case_id = $1`, [caseId]);
    if (goals.length === 0) return;
    await manager.query(
      `INSERT INTO plan_goal (case_id, agency_id, text, position, crime_information) SELECT $1, g.agency_id, g.text, g.position, g.crime
         FROM unnest($2::uuid[], $3::text[], $4::int[], $5::boolean[]) AS g(agency_id, text, position, crime)`,
      [caseId, goals.map((g) => g.agencyId), goals.map((g) => g.text), goals.map((_, i) => i), goals.map((g) => g.crimeInformation)],
    );
  },

  /** The case a marked text belongs to, or null when there is no such text. */
  async caseOfText(manager: EntityManager, text: CaseText, id: string): Promise<string | null> {
    const [row] = await manager.query(CASE_OF_TEXT[text], [id]);
    return row?.caseId ?? null;
  },

  async setCrimeInformation(manager: EntityManager, text: CaseText, id: string, crimeInformation: boolean): Promise<void> {
    await manager.query(`UPDATE ${TEXT_TABLES[text]} SET crime_information = $2 WHERE id = $1`, [id, crimeInformation]);
  },

  async lockCase(manager: EntityManager, id: string): Promise<CaseRow | null> {
    const [row] = await manager.query(`SELECT ${CASE_COLUMNS} FROM collaboration_case cc WHERE cc.id = $1 FOR UPDATE`, [id]);
    return row ?? null;
  },

  casesByIds(manager: EntityManager, ids: readonly string[]): Promise<CaseRow[]> {
    return manager.query(`SELECT ${CASE_COLUMNS} FROM collaboration_case cc WHERE cc.id = ANY($1::uuid[])`, [ids]);
  },

  /** The child's open case of this model, if any (at most one: collaboration_case_one_open_idx). */
  async openCaseOf(manager: EntityManager, childId: string, model: CollaborationModel): Promise<CaseRow | null> {
    const [row] = await manager.query(
      `SELECT ${CASE_COLUMNS} FROM collaboration_case cc WHERE cc.child_id = $1 AND cc.model = $2 AND cc.state <> 'CLOSED'`,
      [childId, model],
    );
    return row ?? null;
  },

  casesOfChildren(manager: EntityManager, childIds: readonly string[]): Promise<CaseRow[]> {
    return manager.query(
      `SELECT ${CASE_COLUMNS} FROM collaboration_case cc WHERE cc.child_id = ANY($1::uuid[]) ORDER BY cc.opened_at DESC, cc.id`,
      [childIds],
    );
  },

  stateHistory(manager: EntityManager, caseIds: readonly string[]): Promise<StateChangeRow[]> {
    return manager.query(
      `SELECT s.state, s.at, s.actor_user_id AS "actorUserId", ${CASE_FACT_COLUMNS}
         FROM collaboration_case_state s JOIN collaboration_case cc ON cc.id = s.case_id
        WHERE s.case_id = ANY($1::uuid[]) ORDER BY s.at, s.recorded_at, s.id`,
      [caseIds],
    );
  },

  team(manager: EntityManager, caseIds: readonly string[]): Promise<TeamMemberRow[]> {
    return manager.query(
      `SELECT t.id, t.user_id AS "userId", t.agency_id AS "agencyId", t.role, t.added_at AS "addedAt", t.ended_at AS "endedAt",
              t.end_reason AS "endReason", ${CASE_FACT_COLUMNS}
         FROM collaboration_team_member t JOIN collaboration_case cc ON cc.id = t.case_id
        WHERE t.case_id = ANY($1::uuid[]) ORDER BY t.added_at, t.id`,
      [caseIds],
    );
  },

  /** The members whose membership has not ended. */
  async currentTeam(manager: EntityManager, caseId: string): Promise<TeamMemberRow[]> {
    return (await this.team(manager, [caseId])).filter((t) => t.endedAt === null);
  },

  /** Ends these current memberships (kept as history); returns the user ids whose membership ended. */
  async endMemberships(
    manager: EntityManager,
    caseId: string,
    userIds: readonly string[],
    end: { at: Date; by: string; reason: string },
  ): Promise<string[]> {
    const rows: { userId: string }[] = await manager.query(
      `WITH ended AS (UPDATE collaboration_team_member SET ended_at = $3, ended_by_user_id = $4, end_reason = $5
        WHERE case_id = $1 AND user_id = ANY($2::uuid[]) AND ended_at IS NULL RETURNING user_id) SELECT user_id AS "userId" FROM ended`,
      [caseId, userIds, end.at, end.by, end.reason],
    );
    return rows.map((r) => r.userId);
  },

  /** Inserts a member once; a second add of the same person changes nothing. */
  async addTeamMember(
    manager: EntityManager,
    m: { caseId: string; userId: string; agencyId: string; role: string | null; at: Date; addedBy: string },
  ): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO collaboration_team_member (case_id, user_id, agency_id, role, added_at, added_by_user_id) VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (case_id, user_id) WHERE ended_at IS NULL DO NOTHING RETURNING id`,
      [m.caseId, m.userId, m.agencyId, m.role, m.at, m.addedBy],
    );
    return rows.length > 0;
  },

  goals(manager: EntityManager, caseIds: readonly string[]): Promise<GoalRow[]> {
    return manager.query(
      `SELECT g.id, g.agency_id AS "agencyId", ag.kind AS "agencyKind", g.text, g.crime_information AS "crimeInformation", ${CASE_FACT_COLUMNS}
         FROM plan_goal g JOIN collaboration_case cc ON cc.id = g.case_id JOIN agency ag ON ag.id = g.agency_id
        WHERE g.case_id = ANY($1::uuid[]) ORDER BY g.position`,
      [caseIds],
    );
  },

  actionsOfCases(manager: EntityManager, caseIds: readonly string[]): Promise<ActionRow[]> {
    return manager.query(
      `SELECT ${ACTION_COLUMNS} FROM plan_action a JOIN collaboration_case cc ON cc.id = a.case_id JOIN agency ag ON ag.id = a.responsible_agency_id
        WHERE a.case_id = ANY($1::uuid[]) ORDER BY a.due_at, a.id`,
      [caseIds],
    );
  },

  async lockAction(manager: EntityManager, id: string): Promise<ActionRow | null> {
    const [row] = await manager.query(
      `SELECT ${ACTION_COLUMNS} FROM plan_action a JOIN collaboration_case cc ON cc.id = a.case_id JOIN agency ag ON ag.id = a.responsible_agency_id
        WHERE a.id = $1 FOR UPDATE OF a`,
      [id],
    );
    return row ?? null;
  },

  /** Open actions a person is responsible for, across the open cases. */
  actionsOfResponsible(manager: EntityManager, userId: string): Promise<ActionRow[]> {
    return manager.query(
      `SELECT ${ACTION_COLUMNS} FROM plan_action a JOIN collaboration_case cc ON cc.id = a.case_id JOIN agency ag ON ag.id = a.responsible_agency_id
        WHERE a.responsible_user_id = $1 AND a.status IN ('${ActionStatus.PLANNED}', '${ActionStatus.IN_PROGRESS}') AND cc.state <> '${CaseState.CLOSED}'
        ORDER BY a.due_at, a.id`,
      [userId],
    );
  },

  async insertAction(manager: EntityManager, a: NewAction): Promise<string> {
    const [{ id }] = await manager.query(
      `INSERT INTO plan_action (case_id, kind, description, responsible_agency_id, responsible_user_id, due_at, status, created_by_user_id, crime_information)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
      [
        a.caseId,
        a.kind,
        a.description,
        a.responsibleAgencyId,
        a.responsibleUserId,
        a.dueAt,
        ActionStatus.PLANNED,
        a.createdByUserId,
        a.crimeInformation,
      ],
    );
    return id;
  },

  async updateAction(
    manager: EntityManager,
    id: string,
    change: { status: ActionStatus; cancelReason: string | null; dueAt: Date },
  ): Promise<void> {
    await manager.query(`UPDATE plan_action SET status = $2, cancel_reason = $3, due_at = $4 WHERE id = $1`, [
      id,
      change.status,
      change.cancelReason,
      change.dueAt,
    ]);
  },

  notes(manager: EntityManager, actionIds: readonly string[]): Promise<NoteRow[]> {
    return manager.query(
      `SELECT n.id, n.action_id AS "actionId", n.author_user_id AS "authorUserId", n.text, n.written_at AS "writtenAt", n.crime_information AS "crimeInformation"
         FROM plan_action_note n WHERE n.action_id = ANY($1::uuid[]) ORDER BY n.written_at, n.id`,
      [actionIds],
    );
  },

  async insertNote(
    manager: EntityManager,
    actionId: string,
    authorUserId: string,
    text: string,
    at: Date,
    crimeInformation: boolean,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO plan_action_note (action_id, author_user_id, text, written_at, crime_information) VALUES ($1,$2,$3,$4,$5)`,
      [actionId, authorUserId, text, at, crimeInformation],
    );
  },

  meetings(manager: EntityManager, caseIds: readonly string[]): Promise<MeetingRow[]> {
    return manager.query(
      `SELECT ${MEETING_COLUMNS} FROM collaboration_meeting m JOIN collaboration_case cc ON cc.id = m.case_id
        WHERE m.case_id = ANY($1::uuid[]) ORDER BY m.scheduled_at, m.id`,
      [caseIds],
    );
  },

  /** The meetings a user is invited to, not yet held, from `since` on (a calendar feed). */
  meetingsOfAttendee(manager: EntityManager, userId: string, since: Date): Promise<MeetingRow[]> {
    return manager.query(
      `SELECT ${MEETING_COLUMNS} FROM collaboration_meeting m JOIN collaboration_case cc ON cc.id = m.case_id
        WHERE $1::uuid = ANY(m.attendee_user_ids) AND m.held_at IS NULL AND m.scheduled_at > $2
        ORDER BY m.scheduled_at, m.id LIMIT 500`,
      [userId, since],
    );
  },

  async lockMeeting(manager: EntityManager, id: string): Promise<MeetingRow | null> {
    const [row] = await manager.query(
      `SELECT ${MEETING_COLUMNS} FROM collaboration_meeting m JOIN collaboration_case cc ON cc.id = m.case_id WHERE m.id = $1 FOR UPDATE OF m`,
      [id],
    );
    return row ?? null;
  },

  async insertMeeting(
    manager: EntityManager,
    m: { caseId: string; kind: MeetingKind; scheduledAt: Date; attendeeUserIds: readonly string[]; createdBy: string },
  ): Promise<string> {
    const [{ id }] = await manager.query(
      `INSERT INTO collaboration_meeting (case_id, kind, scheduled_at, attendee_user_ids, created_by_user_id) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
      [m.caseId, m.kind, m.scheduledAt, m.attendeeUserIds, m.createdBy],
    );
    return id;
  },

  async recordMeeting(
    manager: EntityManager,
    id: string,
    held: { heldAt: Date; attendeeUserIds: readonly string[]; decisions: string; planChanges: string | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE collaboration_meeting SET held_at = $2, attendee_user_ids = $3, decisions = $4, plan_changes = $5 WHERE id = $1`,
      [id, held.heldAt, held.attendeeUserIds, held.decisions, held.planChanges],
    );
  },

  async moveMeeting(manager: EntityManager, id: string, scheduledAt: Date, calendarSequence: number): Promise<void> {
    await manager.query(`UPDATE collaboration_meeting SET scheduled_at = $2, calendar_sequence = $3 WHERE id = $1`, [
      id,
      scheduledAt,
      calendarSequence,
    ]);
  },

  async cancelMeeting(
    manager: EntityManager,
    id: string,
    cancelled: { at: Date; reason: string; byUserId: string; calendarSequence: number },
  ): Promise<void> {
    await manager.query(
      `UPDATE collaboration_meeting SET cancelled_at = $2, cancel_reason = $3, cancelled_by_user_id = $4, calendar_sequence = $5 WHERE id = $1`,
      [id, cancelled.at, cancelled.reason, cancelled.byUserId, cancelled.calendarSequence],
    );
  },
};

export interface StaffRow {
  id: string;
  agencyId: string;
  agencyKind: AgencyKind;
  isPublicAuthority: boolean;
  municipalityId: string;
  districtIds: string[];
  roles: string[];
}

export interface TeamCandidateRow {
  id: string;
  displayName: string;
  agencyId: string;
}

export interface CaseChildRow {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string | null;
  districtId: string;
  guardianIds: string[];
}

/** The people and the child a case's writes check against. */
export const collaborationLookups = {
  activeStaff(manager: EntityManager, userIds: readonly string[]): Promise<StaffRow[]> {
    return manager.query(
      `SELECT u.id, u.agency_id AS "agencyId", a.kind AS "agencyKind", a.is_public_authority AS "isPublicAuthority",
              a.municipality_id AS "municipalityId", a.district_ids AS "districtIds", u.roles
         FROM app_user u JOIN agency a ON a.id = u.agency_id WHERE u.id = ANY($1::uuid[]) AND u.disabled_at IS NULL`,
      [userIds],
    );
  },

  /** Active staff of the given agencies, by name; `only` narrows it to one person. */
  staffOfAgencies(manager: EntityManager, agencyIds: readonly string[], only: string | null = null): Promise<TeamCandidateRow[]> {
    return manager.query(
      `SELECT u.id, u.display_name AS "displayName", u.agency_id AS "agencyId"
         FROM app_user u WHERE u.agency_id = ANY($1::uuid[]) AND u.disabled_at IS NULL AND ($2::uuid IS NULL OR u.id = $2)
        ORDER BY u.display_name, u.id`,
      [agencyIds, only],
    );
  },

  agencies(
    manager: EntityManager,
    ids: readonly string[],
  ): Promise<{ id: string; municipalityId: string; kind: AgencyKind; districtIds: string[] }[]> {
    return manager.query(
      `SELECT id, municipality_id AS "municipalityId", kind, district_ids AS "districtIds" FROM agency WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  },

  async child(manager: EntityManager, id: string): Promise<CaseChildRow | null> {
    const [row] = await manager.query(
      `${keptChildrenOf('$1')} SELECT c.id, c.given_name AS "givenName", c.family_name AS "familyName", to_char(c.birth_date, 'YYYY-MM-DD') AS "birthDate",
              c.district_id AS "districtId", coalesce(array_agg(g.id ORDER BY g.id) FILTER (WHERE g.id IS NOT NULL), '{}') AS "guardianIds"
         FROM asked JOIN child c ON c.id = asked.child_id
         LEFT JOIN guardian g ON g.child_id = c.id GROUP BY c.id`,
      [[id]],
    );
    return row ?? null;
  },

  childrenByIds(manager: EntityManager, ids: readonly string[]): Promise<CaseChildRow[]> {
    return manager.query(
      `SELECT c.id, c.given_name AS "givenName", c.family_name AS "familyName", to_char(c.birth_date, 'YYYY-MM-DD') AS "birthDate",
              c.district_id AS "districtId", '{}'::uuid[] AS "guardianIds"
         FROM child c WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
  },

  async districtPolicyVersion(manager: EntityManager, districtId: string): Promise<number> {
    const [{ policy_version: version }] = await manager.query(`SELECT policy_version FROM district WHERE id = $1`, [districtId]);
    return version;
  },
};

/** A clock of the case or one of its parts: it names the case reference only, never the child. */
export function caseClockSubject(
  theCase: Pick<CaseRow, 'reference' | 'districtId' | 'policyVersion'>,
  type: DeadlineSubject,
  id: string,
  responsibleUserId: string,
): ClockSubject {
  return {
    type,
    id,
    reference: theCase.reference,
    districtId: theCase.districtId,
    policyVersion: theCase.policyVersion,
    responsibleUserId,
  };
}
