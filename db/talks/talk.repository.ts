import { EntityManager } from 'typeorm';
import { ReportCategory } from '../../domain/reports/report-rules';
import { keptChildrenOf } from '../children';
import { Grant, rowScopeSql } from '../../domain/access/policy';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { InviteeRule } from '../../domain/talks/talk-invitees.rules';
import { StaffRow } from '../organisation';
import {
  ForumNoReason,
  TalkClearanceKind,
  TalkDelayReason,
  TalkHolderKind,
  TalkIneligibility,
  TalkKind,
  TalkOrigin,
  TalkOutcome,
  TalkParticipantRole,
  TalkState,
} from '../../domain/talks/talk-enums';

/** A professional a talk can invite, with the agency they take part for. */
export interface InviteeRow extends StaffRow {
  agencyId: string;
}

export interface TalkRow {
  id: string;
  reference: string;
  kind: TalkKind;
  state: TalkState;
  origin: TalkOrigin;
  childId: string;
  districtId: string;
  reportId: string | null;
  policyVersion: number;
  holderKind: TalkHolderKind;
  holderAgencyId: string;
  responsibleUserId: string | null;
  learnedAt: Date;
  youngAdult: boolean;
  preInvestigationRunning: boolean;
  guardianContactOnHold: boolean;
  withUniformedPolice: boolean | null;
  summonedAt: Date | null;
  summonsIncludesGuardians: boolean | null;
  scheduledAt: Date | null;
  calendarSequence: number;
  location: string | null;
  heldAt: Date | null;
  heldLate: boolean | null;
  delayReason: TalkDelayReason | null;
  delayReasonText: string | null;
  closedReason: string | null;
  closedAt: Date | null;
  childVoice: string | null;
  outcomes: TalkOutcome[] | null;
  outcomeNote: string | null;
  outcomeRecordedAt: Date | null;
  createdAt: Date;
  /** Derived: the pre-investigation clearance. */
  policeClearedAt: Date | null;
  /** Derived: the earliest running clock (summons or held). */
  dueAt: Date | null;
}

/** The reports a talk follows: the one it opened from and those attached while it was open. */
export const TALK_REPORTS_SQL = `SELECT r.id FROM report r WHERE r.id = t.report_id
  UNION SELECT a.report_id FROM talk_assessment a WHERE a.talk_id = t.id`;

/**
 * The police's word is read from the talk's reports (their latest update), never copied; a talk opened
 * for a child without a report keeps what was set by hand. A guardian-contact clearance lifts the hold.
 */
const POLICE_WORD = `(CASE WHEN t.report_id IS NULL THEN t.pre_investigation_running ELSE false END
    OR EXISTS (SELECT 1 FROM report r WHERE r.id IN (${TALK_REPORTS_SQL}) AND r.pre_investigation_running)) AS "preInvestigationRunning",
  ((CASE WHEN t.report_id IS NULL THEN t.guardian_contact_on_hold ELSE false END
    OR EXISTS (SELECT 1 FROM report r WHERE r.id IN (${TALK_REPORTS_SQL}) AND r.guardian_contact_on_hold))
    AND NOT EXISTS (SELECT 1 FROM talk_clearance c WHERE c.talk_id = t.id AND c.kind = '${TalkClearanceKind.GUARDIAN_CONTACT}')) AS "guardianContactOnHold"`;

export const TALK_COLUMNS = `t.id, t.reference, t.kind, t.state, t.origin, t.child_id AS "childId", t.district_id AS "districtId",
  t.report_id AS "reportId", t.policy_version AS "policyVersion", t.holder_kind AS "holderKind", t.holder_agency_id AS "holderAgencyId",
  t.responsible_user_id AS "responsibleUserId", t.learned_at AS "learnedAt", t.young_adult AS "youngAdult",
  ${POLICE_WORD},
  t.with_uniformed_police AS "withUniformedPolice", t.summoned_at AS "summonedAt", t.summons_includes_guardians AS "summonsIncludesGuardians",
  t.scheduled_at AS "scheduledAt", t.calendar_sequence AS "calendarSequence", t.location, t.held_at AS "heldAt", t.held_late AS "heldLate", t.delay_reason AS "delayReason",
  t.delay_reason_text AS "delayReasonText", t.closed_reason AS "closedReason", t.closed_at AS "closedAt", t.child_voice AS "childVoice",
  t.outcomes, t.outcome_note AS "outcomeNote", t.outcome_recorded_at AS "outcomeRecordedAt", t.created_at AS "createdAt",
  (SELECT c.recorded_at FROM talk_clearance c WHERE c.talk_id = t.id AND c.kind = '${TalkClearanceKind.PRE_INVESTIGATION}') AS "policeClearedAt",
  (SELECT min(d.due_at) FROM deadline d WHERE d.subject_type = ANY('{TALK,SUMMONS}'::text[]) AND d.subject_id = t.id
     AND d.met_at IS NULL AND d.cancelled_at IS NULL) AS "dueAt"`;

export interface NewTalk {
  readonly kind: TalkKind;
  readonly origin: TalkOrigin;
  readonly childId: string;
  readonly districtId: string;
  readonly reportId: string | null;
  readonly policyVersion: number;
  readonly holderKind: TalkHolderKind;
  readonly holderAgencyId: string;
  readonly responsibleUserId: string | null;
  readonly learnedAt: Date;
  readonly youngAdult: boolean;
  readonly preInvestigationRunning: boolean;
  readonly guardianContactOnHold: boolean;
  readonly withUniformedPolice: boolean | null;
}

export interface ParticipantRow {
  id: string;
  talkId: string;
  role: TalkParticipantRole;
  userId: string | null;
  guardianId: string | null;
  agencyId: string | null;
  displayName: string | null;
  invitedAt: Date;
  attended: boolean | null;
  uniformed: boolean | null;
  /** For the policy: the talk's district. */
  districtId: string;
  childId: string;
}

export interface DisclosureRow {
  id: string;
  talkId: string;
  agencyId: string;
  explainedByUserId: string;
  explainedAt: Date;
  districtId: string;
  childId: string;
}

export interface ClearanceRow {
  id: string;
  talkId: string;
  talkReference: string;
  kind: TalkClearanceKind;
  recordedAt: Date;
  note: string | null;
  agencyId: string;
  districtId: string;
  childId: string;
}

export interface AssessmentRow {
  reportId: string;
  districtId: string;
  childId: string;
  policyVersion: number;
  eligible: boolean;
  reasons: TalkIneligibility[];
  knownBefore: string[];
  youngAdult: boolean;
  assessedAt: Date;
  talkId: string | null;
  decidedAt: Date | null;
}

export interface ForumMeetingRow {
  id: string;
  districtId: string;
  meetsOn: string;
}

export interface ForumItemRow {
  id: string;
  meetingId: string;
  meetsOn: string;
  districtId: string;
  reportId: string;
  childId: string;
  reportReference: string;
  category: ReportCategory;
  suspectedOffence: string | null;
  preInvestigationRunning: boolean | null;
  /** The child's other reports received before this one (or with it), and talks with the child not opened from it. */
  earlierReports: number;
  earlierTalks: number;
  noReason: ForumNoReason | null;
  noReasonText: string | null;
  decidedByName: string | null;
  holdTalk: boolean | null;
  withUniformedPolice: boolean | null;
  holderKind: TalkHolderKind | null;
  targetDate: string | null;
  talkId: string | null;
  decidedAt: Date | null;
}

const PARTICIPANT_COLUMNS = `p.id, p.talk_id AS "talkId", p.role, p.user_id AS "userId", p.guardian_id AS "guardianId", p.agency_id AS "agencyId",
  COALESCE(u.display_name, g.name, p.name) AS "displayName", p.invited_at AS "invitedAt", p.attended, p.uniformed,
  t.district_id AS "districtId", t.child_id AS "childId"`;

const FORUM_ITEM_COLUMNS = `i.id, i.meeting_id AS "meetingId", to_char(m.meets_on, 'YYYY-MM-DD') AS "meetsOn", m.district_id AS "districtId",
  i.report_id AS "reportId", i.hold_talk AS "holdTalk",
  i.with_uniformed_police AS "withUniformedPolice", i.holder_kind AS "holderKind", to_char(i.target_date, 'YYYY-MM-DD') AS "targetDate",
  i.talk_id AS "talkId", i.decided_at AS "decidedAt", i.no_reason AS "noReason", i.no_reason_text AS "noReasonText",
  (SELECT u.display_name FROM app_user u WHERE u.id = i.decided_by_user_id) AS "decidedByName"`;

/** What a member needs to decide: the report's facts and the child's history, from the report joined as r. */
const FORUM_AGENDA_COLUMNS = `r.child_id AS "childId", r.reference AS "reportReference", r.category, r.suspected_offence AS "suspectedOffence",
  r.pre_investigation_running AS "preInvestigationRunning",
  (SELECT count(*)::int FROM report e WHERE e.child_id = r.child_id AND e.id <> r.id AND e.received_at <= r.received_at) AS "earlierReports",
  (SELECT count(*)::int FROM talk t WHERE t.child_id = r.child_id AND t.report_id IS DISTINCT FROM r.id) AS "earlierTalks"`;
const FORUM_ITEM_FROM = `forum_item i JOIN forum_meeting m ON m.id = i.meeting_id JOIN report r ON r.id = i.report_id`;

/** The policy's row grants, compiled over a talk's columns. */
const TALK_FACT_COLUMNS = { districtId: 't.district_id', talkId: 't.id' } as const;

function visibleSql(scope: ViewerScope, grants: readonly Grant[], params: unknown[]): string {
  return rowScopeSql(scope, grants, TALK_FACT_COLUMNS, params).sql;
}

export const talkRepository = {
  /** Per person: the talks in these districts they are responsible for that are neither held, declined nor cancelled. */
  async openTalkCounts(manager: EntityManager, userIds: readonly string[], districtIds: readonly string[]) {
    const rows: { userId: string; n: number }[] = await manager.query(
      `SELECT t.responsible_user_id AS "userId", count(*)::int AS n FROM talk t
        WHERE t.responsible_user_id = ANY($1::uuid[]) AND t.district_id = ANY($2::uuid[])
          AND t.state IN ('${TalkState.PROPOSED}', '${TalkState.SUMMONED}', '${TalkState.SCHEDULED}')
        GROUP BY t.responsible_user_id`,
      [userIds, districtIds],
    );
    return new Map(rows.map((r) => [r.userId, r.n]));
  },

  async nextReference(manager: EntityManager, year: number): Promise<string> {
    const [{ n }] = await manager.query(`SELECT nextval('talk_reference_seq') AS n`);
    return `SA-${year}-${String(n).padStart(6, '0')}`;
  },

  async insert(manager: EntityManager, reference: string, t: NewTalk): Promise<string> {
    const [{ id }] = await manager.query(
      `INSERT INTO talk (reference, kind, state, origin, child_id, district_id, report_id, policy_version, holder_kind, holder_agency_id,
         responsible_user_id, learned_at, young_adult, pre_investigation_running, guardian_contact_on_hold, with_uniformed_police)
       VALUES ($1, $2, '${TalkState.PROPOSED}', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [
        reference,
        t.kind,
        t.origin,
        t.childId,
        t.districtId,
        t.reportId,
        t.policyVersion,
        t.holderKind,
        t.holderAgencyId,
        t.responsibleUserId,
        t.learnedAt,
        t.youngAdult,
        t.preInvestigationRunning,
        t.guardianContactOnHold,
        t.withUniformedPolice,
      ],
    );
    return id;
  },

  /** Unscoped: callers decide access with the policy on the row. */
  async lockForUpdate(manager: EntityManager, id: string): Promise<TalkRow | null> {
    await manager.query(`SELECT 1 FROM talk WHERE id = $1 FOR UPDATE`, [id]);
    const rows: TalkRow[] = await manager.query(`SELECT ${TALK_COLUMNS} FROM talk t WHERE t.id = $1`, [id]);
    return rows[0] ?? null;
  },

  async update(manager: EntityManager, id: string, changes: Partial<Record<TalkColumn, unknown>>): Promise<void> {
    const entries = Object.entries(changes);
    if (!entries.length) return;
    const sets = entries.map(([column], i) => `${column} = $${i + 2}`).join(', ');
    await manager.query(`UPDATE talk SET ${sets} WHERE id = $1`, [id, ...entries.map(([, v]) => v)]);
  },

  /** `grants`: the policy's row grants (the caller passes talkPolicy.rows, so db/ does not import the GraphQL-typed policy). */
  findVisibleByIds(manager: EntityManager, scope: ViewerScope, grants: readonly Grant[], ids: readonly string[]): Promise<TalkRow[]> {
    const params: unknown[] = [ids];
    return manager.query(
      `SELECT ${TALK_COLUMNS} FROM talk t WHERE t.id = ANY($1::uuid[]) AND ${visibleSql(scope, grants, params)}`,
      params,
    );
  },

  forChild(manager: EntityManager, scope: ViewerScope, grants: readonly Grant[], childId: string): Promise<TalkRow[]> {
    const params: unknown[] = [childId];
    return manager.query(
      `SELECT ${TALK_COLUMNS} FROM talk t WHERE t.child_id = (SELECT coalesce(merged_into_id, id) FROM child WHERE id = $1)
          AND ${visibleSql(scope, grants, params)} ORDER BY t.created_at DESC, t.id`,
      params,
    );
  },

  /** The talks of these children the viewer may load, newest first (the child page). */
  forChildren(manager: EntityManager, scope: ViewerScope, grants: readonly Grant[], childIds: readonly string[]): Promise<TalkRow[]> {
    const params: unknown[] = [childIds];
    return manager.query(
      `SELECT ${TALK_COLUMNS} FROM talk t WHERE t.child_id = ANY($1::uuid[])
          AND ${visibleSql(scope, grants, params)} ORDER BY t.created_at DESC, t.id`,
      params,
    );
  },

  /** Talks the user is invited to, soonest first; closed ones after. */
  invitedTo(manager: EntityManager, userId: string, limit: number): Promise<TalkRow[]> {
    return manager.query(
      `SELECT ${TALK_COLUMNS} FROM talk t JOIN talk_participant p ON p.talk_id = t.id AND p.user_id = $1
        ORDER BY (t.scheduled_at IS NULL), t.scheduled_at, t.created_at DESC LIMIT $2`,
      [userId, limit],
    );
  },

  /** Open talks with a clock due in the window or overdue by then, and open talks booked in [from, to); soonest due first. */
  due(manager: EntityManager, districtId: string, from: Date, to: Date, limit: number): Promise<TalkRow[]> {
    return manager.query(
      `SELECT * FROM (SELECT ${TALK_COLUMNS} FROM talk t WHERE t.district_id = $1
          AND t.state NOT IN ('${TalkState.HELD}', '${TalkState.DECLINED}', '${TalkState.CANCELLED}')) x
        WHERE (x."dueAt" IS NOT NULL AND x."dueAt" < $2) OR (x."scheduledAt" >= $4 AND x."scheduledAt" < $2)
        ORDER BY x."dueAt" NULLS LAST, x.id LIMIT $3`,
      [districtId, to, limit, from],
    );
  },

  /** Load: talks whose running or met clock falls in [from, to), and talks held in [from, to). */
  async load(
    manager: EntityManager,
    districtId: string,
    dueFrom: Date,
    dueTo: Date,
    heldFrom: Date,
    heldTo: Date,
  ): Promise<{ due: number; held: number }> {
    const [row] = await manager.query(
      `SELECT
         (SELECT count(DISTINCT d.subject_id)::int FROM deadline d JOIN talk t ON t.id = d.subject_id
           WHERE d.subject_type = ANY('{TALK,SUMMONS}'::text[]) AND t.district_id = $1 AND d.cancelled_at IS NULL
             AND d.due_at >= $2 AND d.due_at < $3) AS due,
         (SELECT count(*)::int FROM talk t WHERE t.district_id = $1 AND t.held_at >= $4 AND t.held_at < $5) AS held`,
      [districtId, dueFrom, dueTo, heldFrom, heldTo],
    );
    return row;
  },

  /** Scheduled talks the user is invited to or responsible for, for their calendar. */
  /** Booked talks, and talks cancelled after booking whose time is after `since`: the feed cancels those entries. */
  scheduledForUser(manager: EntityManager, userId: string, since: Date): Promise<TalkRow[]> {
    return manager.query(
      `SELECT ${TALK_COLUMNS} FROM talk t WHERE (t.state = '${TalkState.SCHEDULED}'
             OR (t.state IN ('${TalkState.CANCELLED}', '${TalkState.DECLINED}') AND t.scheduled_at > $2))
          AND (t.responsible_user_id = $1 OR EXISTS (SELECT 1 FROM talk_participant p WHERE p.talk_id = t.id AND p.user_id = $1))
        ORDER BY t.scheduled_at, t.id LIMIT 500`,
      [userId, since],
    );
  },

  participantsOf(manager: EntityManager, talkIds: readonly string[]): Promise<ParticipantRow[]> {
    return manager.query(
      `SELECT ${PARTICIPANT_COLUMNS} FROM talk_participant p JOIN talk t ON t.id = p.talk_id
         LEFT JOIN app_user u ON u.id = p.user_id LEFT JOIN guardian g ON g.id = p.guardian_id
        WHERE p.talk_id = ANY($1::uuid[]) ORDER BY p.created_at, p.id`,
      [talkIds],
    );
  },

  async participant(manager: EntityManager, id: string): Promise<ParticipantRow | null> {
    const rows: ParticipantRow[] = await manager.query(
      `SELECT ${PARTICIPANT_COLUMNS} FROM talk_participant p JOIN talk t ON t.id = p.talk_id
         LEFT JOIN app_user u ON u.id = p.user_id LEFT JOIN guardian g ON g.id = p.guardian_id WHERE p.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  },

  async addParticipant(
    manager: EntityManager,
    p: {
      talkId: string;
      role: TalkParticipantRole;
      userId: string | null;
      guardianId: string | null;
      agencyId: string | null;
      name: string | null;
      invitedAt: Date;
      uniformed: boolean | null;
    },
  ): Promise<string | null> {
    const rows = await manager.query(
      `INSERT INTO talk_participant (talk_id, role, user_id, guardian_id, agency_id, name, invited_at, uniformed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id`,
      [p.talkId, p.role, p.userId, p.guardianId, p.agencyId, p.name, p.invitedAt, p.uniformed],
    );
    return rows[0]?.id ?? null;
  },

  async recordAttendance(manager: EntityManager, id: string, attended: boolean, uniformed: boolean | null): Promise<void> {
    await manager.query(`UPDATE talk_participant SET attended = $2, uniformed = COALESCE($3, uniformed) WHERE id = $1`, [
      id,
      attended,
      uniformed,
    ]);
  },

  disclosuresOf(manager: EntityManager, talkIds: readonly string[]): Promise<DisclosureRow[]> {
    return manager.query(
      `SELECT s.id, s.talk_id AS "talkId", s.agency_id AS "agencyId", s.explained_by_user_id AS "explainedByUserId", s.explained_at AS "explainedAt",
              t.district_id AS "districtId", t.child_id AS "childId"
         FROM talk_disclosure s JOIN talk t ON t.id = s.talk_id WHERE s.talk_id = ANY($1::uuid[]) ORDER BY s.explained_at, s.id`,
      [talkIds],
    );
  },

  /** Once per agency: a second record keeps the first. */
  async recordDisclosure(
    manager: EntityManager,
    d: { talkId: string; agencyId: string; explainedByUserId: string; recordedByUserId: string; at: Date },
  ): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO talk_disclosure (talk_id, agency_id, explained_by_user_id, recorded_by_user_id, explained_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (talk_id, agency_id) DO NOTHING RETURNING id`,
      [d.talkId, d.agencyId, d.explainedByUserId, d.recordedByUserId, d.at],
    );
    return rows.length > 0;
  },

  async recordClearance(
    manager: EntityManager,
    c: { talkId: string; kind: TalkClearanceKind; userId: string; agencyId: string; at: Date; note: string | null },
  ): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO talk_clearance (talk_id, kind, recorded_by_user_id, agency_id, recorded_at, note)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (talk_id, kind) DO NOTHING RETURNING id`,
      [c.talkId, c.kind, c.userId, c.agencyId, c.at, c.note],
    );
    return rows.length > 0;
  },

  clearancesOf(manager: EntityManager, talkIds: readonly string[], kind?: TalkClearanceKind): Promise<ClearanceRow[]> {
    return manager.query(
      `SELECT c.id, c.talk_id AS "talkId", t.reference AS "talkReference", c.kind, c.recorded_at AS "recordedAt", c.note, c.agency_id AS "agencyId",
              t.district_id AS "districtId", t.child_id AS "childId"
         FROM talk_clearance c JOIN talk t ON t.id = c.talk_id WHERE c.talk_id = ANY($1::uuid[]) AND ($2::text IS NULL OR c.kind = $2)
        ORDER BY c.recorded_at, c.id`,
      [talkIds, kind ?? null],
    );
  },

  async insertAssessment(manager: EntityManager, a: Omit<AssessmentRow, 'childId' | 'decidedAt'>): Promise<void> {
    await manager.query(
      `INSERT INTO talk_assessment (report_id, district_id, policy_version, eligible, reasons, young_adult, assessed_at, talk_id, known_before)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (report_id) DO NOTHING`,
      [a.reportId, a.districtId, a.policyVersion, a.eligible, a.reasons, a.youngAdult, a.assessedAt, a.talkId, a.knownBefore],
    );
  },

  /** The child's open talk, if any: a new report is attached to it instead of opening another. */
  async openTalkOfChild(manager: EntityManager, childId: string): Promise<{ id: string; reference: string } | null> {
    const [row] = await manager.query(
      `SELECT t.id, t.reference FROM talk t WHERE t.child_id = $1 AND t.state NOT IN ('${TalkState.HELD}', '${TalkState.DECLINED}', '${TalkState.CANCELLED}')
        ORDER BY t.created_at, t.id LIMIT 1`,
      [childId],
    );
    return row ?? null;
  },

  /** What social services already know of the child: earlier reports with a suspicion and earlier talks, by reference. */
  async knownBefore(manager: EntityManager, childId: string, reportId: string, receivedAt: Date): Promise<string[]> {
    const rows: { reference: string }[] = await manager.query(
      `SELECT reference FROM (
         SELECT r.reference, r.received_at AS at FROM report r WHERE r.child_id = $1 AND r.id <> $2 AND r.received_at <= $3
            AND (r.suspected_offence IS NOT NULL OR r.category = 'SUSPECTED_CRIME')
         UNION ALL SELECT t.reference, t.learned_at AS at FROM talk t WHERE t.child_id = $1) known ORDER BY at, reference`,
      [childId, reportId, receivedAt],
    );
    return rows.map((r) => r.reference);
  },

  /** The reports a talk follows, oldest first. */
  async reportIdsOfTalks(manager: EntityManager, talkIds: readonly string[]): Promise<{ talkId: string; reportId: string }[]> {
    return manager.query(
      `SELECT t.id AS "talkId", r.id AS "reportId" FROM talk t JOIN report r ON r.id IN (${TALK_REPORTS_SQL})
        WHERE t.id = ANY($1::uuid[]) ORDER BY r.received_at, r.id`,
      [talkIds],
    );
  },

  assessmentsOf(manager: EntityManager, reportIds: readonly string[]): Promise<AssessmentRow[]> {
    return manager.query(
      `SELECT a.report_id AS "reportId", a.district_id AS "districtId", r.child_id AS "childId", a.policy_version AS "policyVersion", a.eligible,
              a.reasons, a.known_before AS "knownBefore", a.young_adult AS "youngAdult", a.assessed_at AS "assessedAt", a.talk_id AS "talkId", a.decided_at AS "decidedAt"
         FROM talk_assessment a JOIN report r ON r.id = a.report_id WHERE a.report_id = ANY($1::uuid[])`,
      [reportIds],
    );
  },

  async markAssessmentDecided(manager: EntityManager, reportId: string, talkId: string | null, at: Date): Promise<void> {
    await manager.query(`UPDATE talk_assessment SET decided_at = $2, talk_id = COALESCE($3, talk_id) WHERE report_id = $1`, [
      reportId,
      at,
      talkId,
    ]);
  },

  async linkAssessment(manager: EntityManager, reportId: string, talkId: string): Promise<void> {
    await manager.query(`UPDATE talk_assessment SET talk_id = $2 WHERE report_id = $1 AND talk_id IS NULL`, [reportId, talkId]);
  },

  async createForumMeeting(manager: EntityManager, districtId: string, meetsOn: string, userId: string): Promise<string> {
    const [{ id }] = await manager.query(
      `INSERT INTO forum_meeting (district_id, meets_on, created_by_user_id) VALUES ($1, $2, $3)
       ON CONFLICT (district_id, meets_on) DO UPDATE SET district_id = EXCLUDED.district_id RETURNING id`,
      [districtId, meetsOn, userId],
    );
    return id;
  },

  /** The agenda builds itself: every report of the district awaiting a talk decision and not yet on this meeting. */
  async fillAgenda(manager: EntityManager, meetingId: string, districtId: string): Promise<void> {
    await manager.query(
      `INSERT INTO forum_item (meeting_id, report_id)
       SELECT $1, a.report_id FROM talk_assessment a
        WHERE a.district_id = $2 AND a.eligible AND a.talk_id IS NULL AND a.decided_at IS NULL
        ORDER BY a.assessed_at
       ON CONFLICT (meeting_id, report_id) DO NOTHING`,
      [meetingId, districtId],
    );
  },

  forumMeetings(manager: EntityManager, ids: readonly string[]): Promise<ForumMeetingRow[]> {
    return manager.query(
      `SELECT m.id, m.district_id AS "districtId", to_char(m.meets_on, 'YYYY-MM-DD') AS "meetsOn" FROM forum_meeting m WHERE m.id = ANY($1::uuid[])`,
      [ids],
    );
  },

  forumItemsOf(manager: EntityManager, meetingIds: readonly string[]): Promise<ForumItemRow[]> {
    return manager.query(
      `SELECT ${FORUM_ITEM_COLUMNS}, ${FORUM_AGENDA_COLUMNS} FROM ${FORUM_ITEM_FROM}
        WHERE i.meeting_id = ANY($1::uuid[]) ORDER BY r.received_at, r.reference, i.id`,
      [meetingIds],
    );
  },

  async lockForumItem(manager: EntityManager, id: string): Promise<ForumItemRow | null> {
    const rows: ForumItemRow[] = await manager.query(
      `SELECT ${FORUM_ITEM_COLUMNS}, ${FORUM_AGENDA_COLUMNS} FROM ${FORUM_ITEM_FROM} WHERE i.id = $1 FOR UPDATE OF i`,
      [id],
    );
    return rows[0] ?? null;
  },

  async decideForumItem(
    manager: EntityManager,
    id: string,
    d: {
      holdTalk: boolean;
      withUniformedPolice: boolean | null;
      holderKind: TalkHolderKind | null;
      targetDate: string | null;
      talkId: string | null;
      noReason: ForumNoReason | null;
      noReasonText: string | null;
      userId: string;
      at: Date;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE forum_item SET hold_talk = $2, with_uniformed_police = $3, holder_kind = $4, target_date = $5, talk_id = $6,
         decided_by_user_id = $7, decided_at = $8, no_reason = $9, no_reason_text = $10 WHERE id = $1`,
      [id, d.holdTalk, d.withUniformedPolice, d.holderKind, d.targetDate, d.talkId, d.userId, d.at, d.noReason, d.noReasonText],
    );
  },

  /** A district's meetings in [from, to], latest first. */
  forumMeetingsOfDistrict(manager: EntityManager, districtId: string, from: string, to: string, limit: number): Promise<ForumMeetingRow[]> {
    return manager.query(
      `SELECT m.id, m.district_id AS "districtId", to_char(m.meets_on, 'YYYY-MM-DD') AS "meetsOn" FROM forum_meeting m
        WHERE m.district_id = $1 AND m.meets_on BETWEEN $2::date AND $3::date ORDER BY m.meets_on DESC, m.id LIMIT $4`,
      [districtId, from, to, limit],
    );
  },

  /** Each report's latest forum item: decided ones first, then the latest meeting. */
  latestForumItemsOf(manager: EntityManager, reportIds: readonly string[]): Promise<ForumItemRow[]> {
    return manager.query(
      `SELECT DISTINCT ON (i.report_id) ${FORUM_ITEM_COLUMNS}, ${FORUM_AGENDA_COLUMNS} FROM ${FORUM_ITEM_FROM}
        WHERE i.report_id = ANY($1::uuid[]) ORDER BY i.report_id, (i.decided_at IS NULL), m.meets_on DESC, i.id`,
      [reportIds],
    );
  },

  /** The district's social services office: it holds and answers for talks. */
  async socialServicesAgencyOf(manager: EntityManager, districtId: string): Promise<string | null> {
    const rows = await manager.query(
      `SELECT id FROM agency WHERE kind = 'SOCIAL_SERVICES' AND $1::uuid = ANY(district_ids) ORDER BY created_at, id LIMIT 1`,
      [districtId],
    );
    return rows[0]?.id ?? null;
  },

  /** An active user of the agency: who explained an agency's part of the talk. */
  async staffOfAgency(manager: EntityManager, userId: string, agencyId: string): Promise<{ id: string } | null> {
    const rows = await manager.query(`SELECT u.id FROM app_user u WHERE u.id = $1 AND u.agency_id = $2 AND u.disabled_at IS NULL`, [
      userId,
      agencyId,
    ]);
    return rows[0] ?? null;
  },

  /**
   * Active users of the agencies working in the district who fit the rule, by name: what `talkInvitees` offers and,
   * with `only`, the one check `addTalkParticipant` makes, so the talk accepts exactly whom it offers.
   */
  invitees(manager: EntityManager, districtId: string, rule: InviteeRule, only: string | null = null): Promise<InviteeRow[]> {
    return manager.query(
      `SELECT u.id, u.display_name AS "displayName", a.municipality_id AS "municipalityId", u.agency_id AS "agencyId"
         FROM app_user u JOIN agency a ON a.id = u.agency_id
        WHERE u.disabled_at IS NULL AND $1::uuid = ANY(a.district_ids) AND ($2::text IS NULL OR a.kind = $2) AND u.roles && $3::text[]
          AND ($4::uuid IS NULL OR u.id = $4)
        ORDER BY u.display_name, u.id LIMIT 200`,
      [districtId, rule.agencyKind, rule.roles, only],
    );
  },

  async childFacts(
    manager: EntityManager,
    childIds: readonly string[],
  ): Promise<{ id: string; districtId: string; givenName: string | null; familyName: string | null; birthDate: string | null }[]> {
    return manager.query(
      `${keptChildrenOf('$1')} SELECT c.id, c.district_id AS "districtId", c.given_name AS "givenName", c.family_name AS "familyName", to_char(c.birth_date, 'YYYY-MM-DD') AS "birthDate"
         FROM asked JOIN child c ON c.id = asked.child_id`,
      [childIds],
    );
  },

  async reportFacts(
    manager: EntityManager,
    reportId: string,
  ): Promise<{
    childId: string;
    responsibleUserId: string | null;
    receivedAt: Date;
    preInvestigationRunning: boolean | null;
    guardianContactOnHold: boolean;
  }> {
    const [row] = await manager.query(
      `SELECT child_id AS "childId", responsible_user_id AS "responsibleUserId", received_at AS "receivedAt",
              pre_investigation_running AS "preInvestigationRunning", guardian_contact_on_hold AS "guardianContactOnHold"
         FROM report WHERE id = $1`,
      [reportId],
    );
    return row;
  },

  async agencyNames(manager: EntityManager, ids: readonly string[]): Promise<string[]> {
    const rows: { id: string; name: string }[] = await manager.query(`SELECT id, name FROM agency WHERE id = ANY($1::uuid[])`, [ids]);
    return ids.map((id) => rows.find((r) => r.id === id)?.name ?? id);
  },

  async guardianOfChild(manager: EntityManager, guardianId: string, childId: string): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM guardian WHERE id = $1 AND child_id = $2`, [guardianId, childId]);
    return rows.length > 0;
  },

  guardianIdsOfChild(manager: EntityManager, childId: string): Promise<{ id: string }[]> {
    return manager.query(`SELECT id FROM guardian WHERE child_id = $1 ORDER BY created_at, id`, [childId]);
  },
};

export type TalkColumn =
  | 'state'
  | 'responsible_user_id'
  | 'summoned_at'
  | 'summons_includes_guardians'
  | 'scheduled_at'
  | 'calendar_sequence'
  | 'location'
  | 'held_at'
  | 'held_late'
  | 'delay_reason'
  | 'delay_reason_text'
  | 'closed_reason'
  | 'closed_at'
  | 'child_voice'
  | 'outcomes'
  | 'outcome_note'
  | 'outcome_recorded_at'
  | 'guardian_contact_on_hold'
  | 'with_uniformed_police';
