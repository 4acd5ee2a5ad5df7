import { EntityManager } from 'typeorm';
import { luhnCheckDigit } from '../../domain/children/personal-identity-number';
import { childNameKey } from '../../domain/children/child-identity.rules';
import { DeadlineKind, DeadlineSubject } from '../../domain/deadlines/deadline-kinds';
import { DistrictPolicy } from '../../domain/districts/district-policy';
import { TalkDeadlineMode } from '../../domain/talks/talks.settings';
import { FeedbackValue } from '../../domain/feedback/feedback-rules';
import { MIN_CHILDREN_PER_CELL } from '../../domain/indicators/indicator-grid';
import { PreliminaryDecision, ReportCategory, ReportChannel, ReporterKind } from '../../domain/reports/report-rules';
import { TalkDelayReason, TalkHolderKind, TalkKind, TalkOrigin, TalkParticipantRole, TalkState } from '../../domain/talks/talk-enums';
import { HOUR_MS } from '../../domain/time/clock';
import { addHours, addLocalDays, startOfLocalDay } from '../../domain/time/local-time';

/** Three years of quarters: the indicator page's choices, and the 12-month follow-up has passed for the oldest. */
export const HISTORY_QUARTERS = 12;
/** Per district and quarter: children whose talk was held, and children whose talk never was (declined, cancelled, not reached). */
const HELD_PER_COHORT = [6, 7, 8] as const;
const NOT_HELD_PER_COHORT = MIN_CHILDREN_PER_CELL;
/** Serials of the history's personnummer start after the ten demo children's (100–157). */
const FIRST_SERIAL = 300;

interface District {
  readonly id: string;
  readonly code: string;
  readonly policyVersion: number;
  readonly policy: DistrictPolicy;
  readonly socialAgencyId: string;
  readonly schoolAgencyId: string;
  readonly policeAgencyId: string;
  readonly socialWorkerId: string;
  readonly policeOfficerId: string;
}

type Fate = 'HELD' | 'HELD_LATE' | 'DECLINED' | 'CANCELLED' | 'NOT_REACHED';

interface Cohort {
  /** Month ordinal (year × 12 + month − 1) in the district's time zone. */
  readonly month: number;
  readonly index: number;
}

/**
 * The cohort months: the middle month of each of the last quarters before now. Each quarter has one month with at
 * least five children per indicator and the others none, so the demo shows cells that are not hidden (a month of
 * 1–4 children hides every period containing it), in months, quarters and years alike.
 */
export function historyCohorts(now: Date, timeZone: string): { cohorts: Cohort[]; quarterStart: Date } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(now);
  const current = Number(parts.find((p) => p.type === 'year')!.value) * 12 + Number(parts.find((p) => p.type === 'month')!.value) - 1;
  // The middle month of the quarter before the current one, and back from there; the current quarter stays the live demo's.
  const first = current - (current % 3);
  const cohorts = Array.from({ length: HISTORY_QUARTERS }, (_, i) => ({ month: first - 2 - 3 * i, index: i }));
  return { cohorts, quarterStart: startOfLocalDay(Math.floor(first / 12), (first % 12) + 1, 1, timeZone) };
}

/**
 * `npm start` on a fresh demo: three years of serious talks in Norr and Syd, so the indicator pages and the
 * politicians' page show figures rather than "too few children". Each quarter's cohort has 6–8 children whose talk
 * was held (a few late, about half with the police there) and five whose talk never was; some of both groups are
 * reported again 3 or 9 months later, more often those without a talk. The numbers are made up for the demo and say
 * nothing about real talks. Written straight to the tables, like the demo case: closed history, no clocks to run,
 * no audit rows, nothing open that would stand in the way of the live demo talk.
 */
export async function seedDemoHistory(manager: EntityManager, now: Date): Promise<{ children: number; talks: number }> {
  const districts = await loadDistricts(manager);
  let serial = FIRST_SERIAL;
  let talks = 0;
  const reReports: { district: District; childId: string; at: Date }[] = [];
  for (const district of districts) {
    const tz = district.policy.timeZone;
    const { cohorts, quarterStart } = historyCohorts(now, tz);
    for (const cohort of cohorts) {
      const variant = (cohort.index + (district.code === 'syd' ? 1 : 0)) % HELD_PER_COHORT.length;
      const fates: Fate[] = [
        ...Array.from({ length: HELD_PER_COHORT[variant] }, (_, i): Fate => (i === 1 || (i === 4 && variant === 2) ? 'HELD_LATE' : 'HELD')),
        ...(['DECLINED', 'DECLINED', 'CANCELLED', 'NOT_REACHED', 'DECLINED'] as const).slice(0, NOT_HELD_PER_COHORT),
      ];
      for (const [i, fate] of fates.entries()) {
        const year = Math.floor(cohort.month / 12);
        const month = (cohort.month % 12) + 1;
        const receivedAt = addHours(startOfLocalDay(year, month, 2 + ((i * 5 + cohort.index) % 16), tz), 9 + ((i * 3) % 7));
        const childId = await insertChild(manager, district, serial++, receivedAt);
        const reportId = await insertReport(manager, district, childId, receivedAt, true);
        await insertTalk(manager, district, childId, reportId, receivedAt, fate, i);
        talks++;
        // Again 3 months later: two in seven with a talk, two in five without; one more of each 9 months later.
        const held = fate === 'HELD' || fate === 'HELD_LATE';
        const position = held ? i : i - HELD_PER_COHORT[variant];
        const again = held
          ? position === 2 || position === 5
            ? 3
            : position === 3 && cohort.index % 2 === 0
              ? 9
              : null
          : [0, 3].includes(position)
            ? 3
            : position === 1
              ? 9
              : null;
        const at = again === null ? null : addLocalDays(receivedAt, again * 30 + 5, tz);
        // Only into earlier cohort months: a lone re-report in the live quarter would be a month of 1–4 children.
        if (at && at.getTime() < quarterStart.getTime()) reReports.push({ district, childId, at });
      }
    }
  }
  for (const r of reReports) {
    await insertReport(manager, r.district, r.childId, r.at, false);
  }
  return { children: serial - FIRST_SERIAL, talks };
}

async function loadDistricts(manager: EntityManager): Promise<District[]> {
  return manager.query(
    `SELECT d.id, d.code, d.policy_version AS "policyVersion", p.settings AS policy,
            (SELECT a.id FROM agency a WHERE d.id = ANY(a.district_ids) AND a.kind = 'SOCIAL_SERVICES' ORDER BY a.name LIMIT 1) AS "socialAgencyId",
            (SELECT a.id FROM agency a WHERE d.id = ANY(a.district_ids) AND a.kind = 'SCHOOL' ORDER BY a.name LIMIT 1) AS "schoolAgencyId",
            (SELECT a.id FROM agency a WHERE d.id = ANY(a.district_ids) AND a.kind = 'POLICE' ORDER BY a.name LIMIT 1) AS "policeAgencyId",
            (SELECT u.id FROM app_user u WHERE u.email = 'socsek.' || d.code || '@samverka.test') AS "socialWorkerId",
            (SELECT u.id FROM app_user u WHERE u.email = 'polis.' || d.code || '@samverka.test') AS "policeOfficerId"
       FROM district d JOIN district_policy p ON p.district_id = d.id AND p.version = d.policy_version
       JOIN municipality m ON m.id = d.municipality_id
      WHERE m.name = 'Demokommun' ORDER BY d.code`,
  );
}

const GIVEN = ['Adam', 'Ebba', 'Leo', 'Saga', 'Vincent', 'Klara', 'Malte', 'Signe', 'Ivar', 'Tyra', 'Sixten', 'Ines'];
const FAMILY = ['Berg', 'Lindqvist', 'Holm', 'Sandberg', 'Ek', 'Forsberg', 'Lund', 'Nyström', 'Wallin', 'Björk', 'Hedlund'];

/** A child aged 12–16 at the report, with a valid test personnummer unique by serial. */
async function insertChild(manager: EntityManager, district: District, serial: number, receivedAt: Date): Promise<string> {
  const birthYear = receivedAt.getUTCFullYear() - 12 - (serial % 5);
  const month = String(1 + (serial % 12)).padStart(2, '0');
  const day = String(1 + ((serial * 7) % 28)).padStart(2, '0');
  const nine = `${String(birthYear).slice(2)}${month}${day}${serial}`;
  const number = `${String(birthYear).slice(0, 2)}${nine}${luhnCheckDigit(nine)}`;
  const given = GIVEN[serial % GIVEN.length];
  const family = FAMILY[Math.floor(serial / GIVEN.length) % FAMILY.length];
  const [{ id }] = await manager.query(
    `INSERT INTO child (personal_identity_number, birth_date, given_name, family_name, district_id, school_agency_id, name_key)
     VALUES ($1, to_date($2, 'YYYYMMDD'), $3, $4, $5, $6, $7) RETURNING id`,
    [number, number.slice(0, 8), given, family, district.id, district.schoolAgencyId, childNameKey(given, family)],
  );
  await manager.query(`INSERT INTO guardian (child_id, name, contact, relation) VALUES ($1, $2, NULL, 'förälder')`, [id, `Kim ${family}`]);
  return id;
}

/** A police report of a suspected crime, handled in time: protection assessed, decided, feedback given. */
async function insertReport(manager: EntityManager, district: District, child: string, receivedAt: Date, first: boolean): Promise<string> {
  const tz = district.policy.timeZone;
  const assessedAt = addHours(receivedAt, 3);
  const decidedAt = addLocalDays(receivedAt, 6, tz);
  const [{ id, reference }] = await manager.query(
    `INSERT INTO report (reference, reporter_kind, channel, reporter_agency_id, registered_by_user_id, police_reference, child_id, child_as_reported,
       district_id, policy_version, category, description, suspected_offence, offence_can_lead_to_prison, first_known_suspicion,
       pre_investigation_running, feedback_requested, received_at, responsible_user_id, protection_assessed_at, acute_danger,
       preliminary_decision, preliminary_decided_at, feedback_value, feedback_given_at, created_at)
     SELECT 'OA-' || extract(year FROM $17::timestamptz) || '-' || lpad(n::text, greatest(6, length(n::text)), '0'), $1, $2, $3, $4,
            'K-' || n || '/' || to_char($17::timestamptz, 'YY'), $5, '', $6, $7, $8, $9, $10, true, $11, false, true, $17, $12, $13, false,
            $14, $15, $16, $15, $17
       FROM nextval('report_reference_seq') n
     RETURNING id, reference`,
    [
      ReporterKind.POLICE,
      ReportChannel.DIGITAL,
      district.policeAgencyId,
      district.policeOfficerId,
      child,
      district.id,
      district.policyVersion,
      ReportCategory.SUSPECTED_CRIME,
      first ? 'Misstänkt för snatteri tillsammans med äldre ungdomar.' : 'Misstänkt för skadegörelse.',
      first ? 'Snatteri' : 'Skadegörelse',
      first,
      district.socialWorkerId,
      assessedAt,
      PreliminaryDecision.NO_INVESTIGATION,
      decidedAt,
      FeedbackValue.INVESTIGATION_NOT_OPENED,
      receivedAt,
    ],
  );
  await insertDeadline(manager, district, 'FEEDBACK', 'REPORT', id, reference, receivedAt, {
    due: addLocalDays(receivedAt, district.policy.feedbackDays, tz),
    met: decidedAt,
  });
  return id;
}

/** The talk the report opened, closed one way or the other, with its clocks as the engine would have left them. */
async function insertTalk(
  manager: EntityManager,
  district: District,
  child: string,
  reportId: string,
  receivedAt: Date,
  fate: Fate,
  i: number,
): Promise<void> {
  const summonsMode = district.policy.talkDeadlineMode === TalkDeadlineMode.SUMMONS_WITHIN_HOURS;
  const hours = district.policy.talkDeadlineHours ?? 48;
  const summonedAt = addHours(receivedAt, summonsMode ? 2 + (i % 4) * 4 : 1);
  // Held in time: 6–40 h into the clock; late: past it by half a day to two days.
  const heldClockStart = summonsMode ? summonedAt : receivedAt;
  const heldDue = addHours(heldClockStart, summonsMode ? district.policy.talkSummonsToTalkHours : hours);
  const late = fate === 'HELD_LATE';
  const heldAt = late ? new Date(heldDue.getTime() + (12 + (i % 3) * 18) * HOUR_MS) : addHours(heldClockStart, 6 + ((i * 7) % 34));
  const held = fate === 'HELD' || late;
  const closedAt = addHours(summonedAt, 20);
  const state = held ? TalkState.HELD : fate === 'DECLINED' ? TalkState.DECLINED : TalkState.CANCELLED;
  const reason = fate === 'DECLINED' ? 'Familjen tackade nej.' : fate === 'CANCELLED' ? 'Familjen flyttade.' : 'Familjen nåddes inte.';
  const [{ id, reference }] = await manager.query(
    `INSERT INTO talk (reference, kind, state, origin, child_id, district_id, report_id, policy_version, holder_kind, holder_agency_id,
       responsible_user_id, learned_at, summoned_at, summons_includes_guardians, scheduled_at, location, held_at, held_late, delay_reason,
       closed_reason, closed_at, created_at)
     SELECT 'SA-' || extract(year FROM $10::timestamptz) || '-' || lpad(n::text, 6, '0'), $1, $2, $3, $4, $5, $6, $7, $8, $9, $11, $10, $12, true,
            $13, CASE WHEN $13::timestamptz IS NULL THEN NULL ELSE 'Socialkontoret' END, $13, $14, $15, $16, $17, $10
       FROM nextval('talk_reference_seq') n
     RETURNING id, reference`,
    [
      TalkKind.SERIOUS_TALK,
      state,
      TalkOrigin.AUTOMATIC,
      child,
      district.id,
      reportId,
      district.policyVersion,
      TalkHolderKind.SOCIAL_SERVICES,
      district.socialAgencyId,
      receivedAt,
      district.socialWorkerId,
      summonedAt,
      held ? heldAt : null,
      held ? late : null,
      late ? TalkDelayReason.GUARDIAN_UNAVAILABLE : null,
      held ? null : reason,
      held ? null : closedAt,
    ],
  );
  await manager.query(
    `INSERT INTO talk_assessment (report_id, district_id, policy_version, eligible, reasons, assessed_at, talk_id)
     VALUES ($1, $2, $3, true, '{}', $4, $5)`,
    [reportId, district.id, district.policyVersion, receivedAt, id],
  );
  const end = held ? { met: heldAt } : { cancelled: closedAt };
  if (summonsMode) {
    await insertDeadline(manager, district, 'TALK_SUMMONS', 'SUMMONS', id, reference, receivedAt, {
      due: addHours(receivedAt, hours),
      met: summonedAt,
    });
  }
  await insertDeadline(manager, district, 'TALK_HELD', 'TALK', id, reference, heldClockStart, {
    due: heldDue,
    ...end,
  });
  if (held) {
    await manager.query(
      `INSERT INTO talk_participant (talk_id, role, user_id, agency_id, invited_at, attended, uniformed) VALUES ($1, $2, $3, $4, $5, $6, false)`,
      [id, TalkParticipantRole.POLICE_OFFICER, district.policeOfficerId, district.policeAgencyId, summonedAt, i % 2 === 0],
    );
  }
}

async function insertDeadline(
  manager: EntityManager,
  district: District,
  kind: DeadlineKind,
  subject: DeadlineSubject,
  subjectId: string,
  reference: string,
  startsAt: Date,
  end: { due: Date; met?: Date; cancelled?: Date },
): Promise<void> {
  const closedAt = end.met ?? end.cancelled!;
  const breached = end.due.getTime() < closedAt.getTime() ? end.due : null;
  await manager.query(
    `INSERT INTO deadline (kind, subject_type, subject_id, subject_reference, district_id, responsible_user_id, policy_version, starts_at, due_at,
       met_at, breached_at, cancelled_at, escalation_level, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $8)`,
    [
      kind,
      subject,
      subjectId,
      reference,
      district.id,
      district.socialWorkerId,
      district.policyVersion,
      startsAt,
      end.due,
      end.met ?? null,
      breached,
      end.cancelled ?? null,
      breached ? 1 : 0,
    ],
  );
}
