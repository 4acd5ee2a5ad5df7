import { DataSource } from 'typeorm';
import { DEMO_USERS } from '../../db/seed/demo-seed';
import { luhnCheckDigit } from '../../domain/children/personal-identity-number';
import { Random } from './random';
import { asSystem } from '../../db/access/row-scope';

/** Real ids from the fuzz database, by kind and district, so requests hit own, foreign and missing rows; ordered by natural keys, so a seed picks the same rows again. */
export interface Fixtures {
  readonly users: readonly FuzzUser[];
  readonly districts: readonly string[];
  readonly agencies: readonly string[];
  readonly userIds: readonly string[];
  readonly children: IdPool;
  readonly reports: IdPool;
  /** Notification ids with their owner's email: only the owner may mark one read. */
  readonly notifications: readonly { readonly id: string; readonly email: string }[];
  /** Where each report stands, so the workflow generator can take its next step. */
  readonly reportStates: readonly ReportState[];
  readonly identityNumbers: readonly { readonly pnr: string; readonly districtId: string }[];
  /** Of reports the fuzzer filed, so reportFeedback finds some. */
  readonly policeReferences: readonly string[];
  /** Collaboration cases and their parts, by the case's district. */
  readonly cases: IdPool;
  readonly actions: IdPool;
  readonly consents: IdPool;
  readonly meetings: IdPool;
}

export interface ReportState {
  readonly id: string;
  readonly districtId: string;
  readonly protectionAssessed: boolean;
  readonly decided: boolean;
  readonly feedbackGiven: boolean;
  readonly reporterAgency: boolean;
  readonly investigationRunning: boolean;
}

export interface FuzzUser {
  readonly id: string;
  readonly email: string;
  readonly roles: readonly string[];
  readonly districtIds: readonly string[];
}

/** Ids with their district; grows as the fuzzer creates rows. */
export class IdPool {
  private readonly byDistrict = new Map<string, string[]>();
  private readonly all: string[] = [];

  add(id: string, districtId: string): void {
    if (!this.byDistrict.has(districtId)) this.byDistrict.set(districtId, []);
    this.byDistrict.get(districtId)!.push(id);
    this.all.push(id);
  }

  any(random: Random): string | undefined {
    return this.all.length ? random.pick(this.all) : undefined;
  }

  inDistricts(random: Random, districtIds: readonly string[], own: boolean): string | undefined {
    const ids = [...this.byDistrict.entries()].filter(([d]) => districtIds.includes(d) === own).flatMap(([, list]) => list);
    return ids.length ? random.pick(ids) : undefined;
  }
}

export async function loadFixtures(dataSource: DataSource): Promise<Fixtures> {
  // Targets in every district: system scope, past row-level security.
  const q = <T>(sql: string) => asSystem(dataSource, (manager) => manager.query(sql)) as Promise<T[]>;
  const users = await q<{ id: string; email: string; roles: string[]; district_ids: string[] }>(
    `SELECT u.id, u.email, u.roles, a.district_ids FROM app_user u JOIN agency a ON a.id = u.agency_id WHERE u.disabled_at IS NULL ORDER BY u.email`,
  );
  const known = new Set(DEMO_USERS.map((u) => u.email));
  const children = new IdPool();
  for (const c of await q<{ id: string; district_id: string }>(
    `SELECT c.id, c.district_id FROM child c ORDER BY c.personal_identity_number, c.family_name, c.given_name, c.created_at`,
  ))
    children.add(c.id, c.district_id);
  const reports = new IdPool();
  for (const r of await q<{ id: string; district_id: string }>(`SELECT id, district_id FROM report ORDER BY reference`))
    reports.add(r.id, r.district_id);
  const parts = async (sql: string) => {
    const pool = new IdPool();
    for (const r of await q<{ id: string; district_id: string }>(sql)) pool.add(r.id, r.district_id);
    return pool;
  };
  const cases = await parts(`SELECT id, district_id FROM collaboration_case ORDER BY reference`);
  const actions = await parts(
    `SELECT a.id, c.district_id FROM plan_action a JOIN collaboration_case c ON c.id = a.case_id ORDER BY c.reference, a.description, a.due_at`,
  );
  const consents = await parts(
    `SELECT k.id, c.district_id FROM consent k JOIN collaboration_case c ON c.id = k.case_id ORDER BY c.reference, k.given_at, k.created_at`,
  );
  const meetings = await parts(
    `SELECT m.id, c.district_id FROM collaboration_meeting m JOIN collaboration_case c ON c.id = m.case_id ORDER BY c.reference, m.scheduled_at`,
  );
  return {
    cases,
    actions,
    consents,
    meetings,
    users: users.filter((u) => known.has(u.email)).map((u) => ({ id: u.id, email: u.email, roles: u.roles, districtIds: u.district_ids })),
    districts: (await q<{ id: string }>(`SELECT id FROM district ORDER BY code`)).map((r) => r.id),
    agencies: (await q<{ id: string }>(`SELECT id FROM agency ORDER BY name`)).map((r) => r.id),
    userIds: (await q<{ id: string }>(`SELECT id FROM app_user ORDER BY email`)).map((r) => r.id),
    children,
    reports,
    notifications: await q<{ id: string; email: string }>(
      `SELECT n.id, u.email FROM notification n JOIN app_user u ON u.id = n.user_id ORDER BY n.dedupe_key, u.email`,
    ),
    reportStates: (
      await q<{
        id: string;
        district_id: string;
        protected: boolean;
        decided: boolean;
        feedback: boolean;
        agency: boolean;
        investigating: boolean;
      }>(
        `SELECT r.id, r.district_id, r.protection_assessed_at IS NOT NULL AS protected, r.preliminary_decision IS NOT NULL AS decided,
              r.feedback_given_at IS NOT NULL AS feedback, r.reporter_agency_id IS NOT NULL AS agency,
              EXISTS (SELECT 1 FROM deadline d WHERE d.subject_id = r.id AND d.kind = 'INVESTIGATION' AND d.met_at IS NULL AND d.cancelled_at IS NULL) AS investigating
         FROM report r ORDER BY r.reference`,
      )
    ).map((r) => ({
      id: r.id,
      districtId: r.district_id,
      protectionAssessed: r.protected,
      decided: r.decided,
      feedbackGiven: r.feedback,
      reporterAgency: r.agency,
      investigationRunning: r.investigating,
    })),
    policeReferences: (
      await q<{ ref: string }>(`SELECT DISTINCT police_reference AS ref FROM report WHERE police_reference IS NOT NULL ORDER BY 1`)
    ).map((r) => r.ref),
    identityNumbers: (
      await q<{ pnr: string; district_id: string }>(
        `SELECT personal_identity_number AS pnr, district_id FROM child WHERE personal_identity_number IS NOT NULL ORDER BY 1`,
      )
    ).map((r) => ({ pnr: r.pnr, districtId: r.district_id })),
  };
}

/** A valid personnummer nobody in the seed has, for reports that register a new child. */
export function newIdentityNumber(random: Random): string {
  const year = random.int(2008, 2020);
  const month = String(random.int(1, 12)).padStart(2, '0');
  const day = String(random.int(1, 28)).padStart(2, '0');
  const nine = `${String(year).slice(2)}${month}${day}${String(random.int(0, 999)).padStart(3, '0')}`;
  return `${String(year).slice(0, 2)}${nine}${luhnCheckDigit(nine)}`;
}
