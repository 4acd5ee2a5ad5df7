import { EntityManager } from 'typeorm';
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
      [
        c.caseId,
        c.givenByYouth,
        c.guardianIds,
        c.complete,
        c.form,
        c.oralNote,
        c.documentReference,
        c.givenAt,
        c.endsAt,
        c.agencyIds,
        c.categories,
        c.recordedByUserId,
      ],
    );
    return id;
  },

  async withdraw(manager: EntityManager, id: string, at: Date, byUserId: string, note: string | null): Promise<void> {
    await manager.query(
      `UPDATE consent SET withdrawn_at = $2, withdrawn_by_user_id = $3, withdrawal_note = $4 WHERE id = $1 AND withdrawn_at IS NULL`,
      [id, at, byUserId, note],
    );
  },
};
