import { EntityManager } from 'typeorm';
import { CaseState } from '../../domain/collaboration/collaboration-rules';
import { ConsentForm, ConsentScope, InformationCategory } from '../../domain/consent/consent-rules';

export interface ConsentRow extends ConsentScope {
  caseId: string;
  caseReference: string;
  childId: string;
  districtId: string;
  coordinatorUserId: string;
  givenByYouth: boolean;
  guardianIds: string[];
  form: ConsentForm;
  oralNote: string | null;
  documentReference: string | null;
  recordedByUserId: string;
}

const CONSENT_COLUMNS = `c.id, c.case_id AS "caseId", cc.reference AS "caseReference", cc.child_id AS "childId", cc.district_id AS "districtId",
  cc.coordinator_user_id AS "coordinatorUserId", c.given_by_youth AS "givenByYouth", c.guardian_ids AS "guardianIds", c.complete, c.form,
  c.oral_note AS "oralNote", c.document_reference AS "documentReference", c.given_at AS "givenAt", c.ends_at AS "endsAt",
  c.withdrawn_at AS "withdrawnAt", c.agency_ids AS "agencyIds", c.categories, c.recorded_by_user_id AS "recordedByUserId"`;

export interface NewConsent {
  readonly caseId: string;
  readonly givenByYouth: boolean;
  readonly guardianIds: readonly string[];
  readonly complete: boolean;
  readonly form: ConsentForm;
  readonly oralNote: string | null;
  readonly documentReference: string | null;
  readonly givenAt: Date;
  readonly endsAt: Date | null;
  readonly agencyIds: readonly string[];
  readonly categories: readonly InformationCategory[];
  readonly recordedByUserId: string;
}

/** A partner's standing in one case: on the team, with the consent that covers their agency now. */
export interface TeamMembership {
  readonly caseId: string;
  readonly consentId: string;
  readonly categories: readonly InformationCategory[];
}

export const consentRepository = {
  ofCases(manager: EntityManager, caseIds: readonly string[]): Promise<ConsentRow[]> {
    return manager.query(
      `SELECT ${CONSENT_COLUMNS} FROM consent c JOIN collaboration_case cc ON cc.id = c.case_id
        WHERE c.case_id = ANY($1::uuid[]) ORDER BY c.given_at, c.id`,
      [caseIds],
    );
  },

  async lock(manager: EntityManager, id: string): Promise<ConsentRow | null> {
    const [row] = await manager.query(
      `SELECT ${CONSENT_COLUMNS} FROM consent c JOIN collaboration_case cc ON cc.id = c.case_id WHERE c.id = $1 FOR UPDATE OF c`,
      [id],
    );
    return row ?? null;
  },

  async insert(manager: EntityManager, c: NewConsent): Promise<string> {
    const [{ id }] = await manager.query(
      `INSERT INTO consent (case_id, given_by_youth, guardian_ids, complete, form, oral_note, document_reference, given_at, ends_at,
         agency_ids, categories, recorded_by_user_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING id`,
      [c.caseId, c.givenByYouth, c.guardianIds, c.complete, c.form, c.oralNote, c.documentReference, c.givenAt, c.endsAt,
        c.agencyIds, c.categories, c.recordedByUserId],
    );
    return id;
  },

  async withdraw(manager: EntityManager, id: string, at: Date, byUserId: string, note: string | null): Promise<void> {
    await manager.query(
      `UPDATE consent SET withdrawn_at = $2, withdrawn_by_user_id = $3, withdrawal_note = $4 WHERE id = $1 AND withdrawn_at IS NULL`,
      [id, at, byUserId, note],
    );
  },

  /**
   * The open cases where the user is on the team and a valid consent covers
   * their agency at `now`, with that consent: read once per request, so a
   * withdrawal takes effect on the next request.
   */
  membershipsOf(manager: EntityManager, userId: string, agencyId: string, now: Date): Promise<TeamMembership[]> {
    return manager.query(
      `SELECT t.case_id AS "caseId", k.id AS "consentId", k.categories
         FROM collaboration_team_member t
         JOIN collaboration_case cc ON cc.id = t.case_id AND cc.state <> '${CaseState.CLOSED}'
         JOIN LATERAL (
           SELECT c.id, c.categories FROM consent c
            WHERE c.case_id = t.case_id AND c.complete AND c.withdrawn_at IS NULL AND c.given_at <= $3
              AND (c.ends_at IS NULL OR c.ends_at > $3) AND $2::uuid = ANY(c.agency_ids)
            ORDER BY c.given_at DESC, c.id LIMIT 1) k ON TRUE
        WHERE t.user_id = $1`,
      [userId, agencyId, now],
    );
  },
};
