import { Definition, Indicator } from '../../domain/indicators/indicators';
import { CATEGORIES_RESTING_ON_SUSPICION } from '../../domain/reports/report-rules';
import { TalkParticipantRole, TalkState } from '../../domain/talks/talk-enums';
import { ActionStatus } from '../../domain/collaboration/plan-rules';
import { REPORTS_LEGAL_CEILINGS } from '../../domain/reports/reports.settings';

/**
 * Each indicator once: its definition in plain Swedish and English beside the SQL that counts it. A source is a
 * SELECT over the CTEs of indicator.repository.ts yielding one row per item: district_id, month (ordinal in the
 * district's time zone), child_id, num, den, pend. `$now` is the request's now.
 */
export interface IndicatorSource {
  readonly definition: Definition;
  readonly sql: string;
}

const PENDING_SV = 'Det som ännu är inom sin frist och inte gjort räknas i ingetdera.';
const PENDING_EN = 'Items still within their limit and not done are pending: counted in neither.';
const { protectionAssessmentHours: PA, preliminaryAssessmentDays: PR, investigationMonths: INV } = REPORTS_LEGAL_CEILINGS;
type Ceiling = { readonly max: number; readonly unit: string; readonly unitSv: string; readonly law: string };
const limitSv = (c: Ceiling, after: string) => `inom lagens gräns (${c.max} ${c.unitSv} efter ${after}, ${c.law})`;
const limitEn = (c: Ceiling, after: string) => `within the legal limit (${c.max} ${c.unit} after ${after}, ${c.law})`;
/** An item done by its limit: counted once done or past the limit, pending while within it and not done. */
const doneByLimit = (doneAt: string, limit: string, from: string) =>
  `SELECT district_id, month, child_id, ${doneAt} <= ${limit} AS num,
                 ${doneAt} IS NOT NULL OR ${limit} <= $now AS den,
                 ${doneAt} IS NULL AND ${limit} > $now AS pend
            FROM ${from}`;
const CLOSED = `('${TalkState.DECLINED}', '${TalkState.CANCELLED}')`;
const SUSPICION = `(${[...CATEGORIES_RESTING_ON_SUSPICION].map((c) => `'${c}'`).join(', ')})`;

/** Eligible first-suspicion reports and their talks (one row per report; the first held talk counts). */
export const ELIGIBLE_CTE = `
  el AS (
    SELECT r.id, r.child_id, r.district_id, r.month, r.received_at,
           t.held_at, t.talks, t.closed_talks, t.talk_ids,
           (SELECT min(dl.due_at) FROM deadline dl
             WHERE dl.kind = '${'TALK_HELD'}' AND dl.subject_type = 'TALK' AND dl.subject_id = ANY(t.talk_ids)) AS due_at
      FROM r JOIN talk_assessment ta ON ta.report_id = r.id AND ta.eligible
      LEFT JOIN LATERAL (
        SELECT min(tk.held_at) AS held_at, count(*)::int AS talks,
               count(*) FILTER (WHERE tk.state IN ${CLOSED})::int AS closed_talks, array_agg(tk.id) AS talk_ids
          FROM talk tk WHERE tk.report_id = r.id) t ON true)`;

export const INDICATOR_SOURCES: { readonly [I in Indicator]: IndicatorSource } = {
  talkWithinDeadlineRate: {
    definition: {
      sv:
        'Behöriga anmälningar om misstanke för första gången, mottagna under perioden, där samtalet hölls (den tid det hölls, inte när det registrerades) ' +
        'senast vid den frist som gällde när anmälan kom in (hållet exakt vid fristen är i tid) ÷ sådana anmälningar vars frist har passerat eller vars samtal hölls, ' +
        'avböjdes eller ställdes in. Anmälningar utan frist (forum utan datum) räknas inte. ' +
        PENDING_SV,
      en:
        'Eligible first-suspicion reports received in the period whose talk was held (the time it was held, not when it was written up) at or before ' +
        'the deadline in force when the report came in (held exactly at the deadline is on time) ÷ such reports whose deadline has passed or whose talk ' +
        'was held, declined or cancelled. Reports without a deadline (a forum without a date) are left out. ' +
        PENDING_EN,
    },
    sql: `SELECT district_id, month, child_id, held_at <= due_at AS num,
                 due_at IS NOT NULL AND (held_at IS NOT NULL OR (talks > 0 AND closed_talks = talks) OR due_at <= $now) AS den,
                 due_at > $now AND held_at IS NULL AND NOT (talks > 0 AND closed_talks = talks) AS pend
            FROM el`,
  },
  reportToTalkHoursP50: {
    definition: {
      sv:
        'Median (50:e percentilen) av tiden i timmar från att en behörig anmälan om misstanke för första gången kom in till att samtalet hölls, ' +
        'för anmälningar mottagna under perioden vars samtal hölls. Nämnaren är antalet sådana samtal.',
      en:
        'Median (50th percentile) of the hours from an eligible first-suspicion report reaching social services to its talk being held, ' +
        'for reports received in the period whose talk was held. The denominator is the number of such talks.',
    },
    sql: `SELECT district_id, month, child_id, false AS num, true AS den, false AS pend FROM el WHERE held_at IS NOT NULL`,
  },
  reportToTalkHoursP90: {
    definition: {
      sv:
        '90:e percentilen av tiden i timmar från att en behörig anmälan om misstanke för första gången kom in till att samtalet hölls, ' +
        'för anmälningar mottagna under perioden vars samtal hölls: nio av tio samtal hölls inom så lång tid.',
      en:
        '90th percentile of the hours from an eligible first-suspicion report reaching social services to its talk being held, ' +
        'for reports received in the period whose talk was held: nine talks in ten were held within this time.',
    },
    sql: `SELECT district_id, month, child_id, false AS num, true AS den, false AS pend FROM el WHERE held_at IS NOT NULL`,
  },
  talkDeclinedRate: {
    definition: {
      sv:
        'Behöriga anmälningar om misstanke för första gången, mottagna under perioden, vars samtal avböjdes eller ställdes in (inget hölls) ' +
        '÷ behöriga anmälningar vars samtal hölls, avböjdes eller ställdes in. Samtal som ännu är öppna, och anmälningar som väntar på forum, räknas i ingetdera.',
      en:
        'Eligible first-suspicion reports received in the period whose talk was declined or cancelled (none held) ÷ eligible reports whose talk was ' +
        'held, declined or cancelled. Talks still open, and reports waiting for the forum, are counted in neither.',
    },
    sql: `SELECT district_id, month, child_id, held_at IS NULL AND talks > 0 AND closed_talks = talks AS num,
                 held_at IS NOT NULL OR (talks > 0 AND closed_talks = talks) AS den,
                 held_at IS NULL AND (talks = 0 OR closed_talks < talks) AS pend
            FROM el`,
  },
  policeAttendanceRate: {
    definition: {
      sv: 'Samtal hållna under perioden där polis deltog ÷ samtal hållna under perioden. Räknas i det område som höll samtalet.',
      en: 'Talks held in the period with a police officer attending ÷ talks held in the period. Counted in the district that held the talk.',
    },
    sql: `SELECT tk.district_id, tk.month, tk.child_id,
                 EXISTS (SELECT 1 FROM talk_participant tp WHERE tp.talk_id = tk.id AND tp.role = '${TalkParticipantRole.POLICE_OFFICER}' AND tp.attended) AS num,
                 true AS den, false AS pend
            FROM held tk`,
  },
  feedbackGivenRate: {
    definition: {
      sv:
        'Anmälningar mottagna under perioden där återkoppling begärdes och gavs ÷ anmälningar där återkoppling begärdes och gavs eller vars frist för ' +
        'återkoppling har passerat (lagen sätter ingen frist: områdets inställning när anmälan kom in). ' +
        PENDING_SV,
      en:
        'Reports received in the period with feedback requested and given ÷ reports with feedback requested that got it or whose feedback deadline ' +
        "has passed (the law sets none: the district's setting in force when the report came in). " +
        PENDING_EN,
    },
    sql: `SELECT district_id, month, child_id, feedback_given_at IS NOT NULL AS num, NOT feedback_pending AS den, feedback_pending AS pend
            FROM rf WHERE feedback_requested`,
  },
  feedbackOnTimeRate: {
    definition: {
      sv:
        'Anmälningar mottagna under perioden där återkoppling begärdes och gavs senast vid fristen (områdets inställning när anmälan kom in) ' +
        '÷ anmälningar där återkoppling begärdes och gavs eller vars frist har passerat. ' +
        PENDING_SV,
      en:
        "Reports received in the period with feedback requested and given by the feedback deadline (the district's setting in force when the report " +
        'came in) ÷ reports with feedback requested that got it or whose deadline has passed. ' +
        PENDING_EN,
    },
    sql: `SELECT district_id, month, child_id, feedback_given_at <= feedback_due AS num, NOT feedback_pending AS den, feedback_pending AS pend
            FROM rf WHERE feedback_requested`,
  },
  protectionAssessmentOnTimeRate: {
    definition: {
      sv:
        `Anmälningar mottagna under perioden vars skyddsbedömning dokumenterades ${limitSv(PA, 'mottagandet')} ` +
        '÷ anmälningar som bedömts eller vars gräns har passerat. ' +
        PENDING_SV,
      en:
        `Reports received in the period whose protection assessment was recorded ${limitEn(PA, 'receipt')} ` +
        '÷ reports that were assessed or whose limit has passed. ' +
        PENDING_EN,
    },
    sql: doneByLimit('protection_assessed_at', 'protection_limit', 'rf'),
  },
  preliminaryAssessmentOnTimeRate: {
    definition: {
      sv:
        `Anmälningar mottagna under perioden där beslut om att inleda utredning eller inte fattades ${limitSv(PR, 'mottagandet')} ` +
        '÷ anmälningar som beslutats eller vars gräns har passerat. ' +
        PENDING_SV,
      en:
        `Reports received in the period decided ${limitEn(PR, 'receipt')} ` +
        '÷ reports that were decided or whose limit has passed. ' +
        PENDING_EN,
    },
    sql: doneByLimit('preliminary_decided_at', 'preliminary_limit', 'rf'),
  },
  investigationOnTimeRate: {
    definition: {
      sv:
        `Utredningar inledda på anmälningar mottagna under perioden som avslutades ${limitSv(INV, 'beslutet att inleda')}` +
        '; en förlängning gör inte en sen utredning i tid) ÷ utredningar som avslutats eller vars gräns har passerat. ' +
        PENDING_SV,
      en:
        `Investigations opened on reports received in the period that were closed ${limitEn(INV, 'the decision to open')}` +
        '; an extension does not make a late one on time) ÷ investigations closed or past their limit. ' +
        PENDING_EN,
    },
    sql: doneByLimit('investigation_closed_at', 'investigation_limit', 'inv'),
  },
  activeCollaborationCases: {
    definition: {
      sv: 'SSPF- och SSFF-ärenden som var öppna vid periodens slut (eller nu, om perioden inte är slut). Ett kvartal eller år visar läget vid dess slut.',
      en: 'SSPF and SSFF cases open at the end of the period (or now, if the period has not ended). A quarter or year shows the state at its end.',
    },
    sql: `SELECT c.district_id, m.month, c.child_id, true AS num, false AS den, false AS pend
            FROM months m JOIN collaboration_case c ON c.district_id = m.district_id
           WHERE c.opened_at < m.month_end AND (c.closed_at IS NULL OR c.closed_at >= m.month_end)`,
  },
  overduePlanActions: {
    definition: {
      sv: 'Insatser i SSPF/SSFF-planer med slutdatum under perioden som passerat utan att insatsen är klar eller avbruten, i ärenden som var öppna på slutdatumet.',
      en: 'Plan actions in SSPF/SSFF cases due in the period whose due date has passed without the action being done or cancelled, in cases open on the due date.',
    },
    sql: `SELECT c.district_id, $month(pa.due_at) AS month, c.child_id, true AS num, false AS den, false AS pend
            FROM plan_action pa JOIN collaboration_case c ON c.id = pa.case_id JOIN d ON d.district_id = c.district_id
           WHERE pa.due_at >= d.period_from AND pa.due_at < d.period_to AND pa.due_at < $now
             AND pa.status NOT IN ('${ActionStatus.DONE}', '${ActionStatus.CANCELLED}') AND (c.closed_at IS NULL OR c.closed_at > pa.due_at)`,
  },
  consentWithdrawals: {
    definition: {
      sv: 'Samtycken i SSPF/SSFF-ärenden som återkallades under perioden.',
      en: 'Consents in SSPF/SSFF cases withdrawn in the period.',
    },
    sql: `SELECT c.district_id, $month(cs.withdrawn_at) AS month, c.child_id, true AS num, false AS den, false AS pend
            FROM consent cs JOIN collaboration_case c ON c.id = cs.case_id JOIN d ON d.district_id = c.district_id
           WHERE cs.withdrawn_at >= d.period_from AND cs.withdrawn_at < d.period_to`,
  },
  ...reReport(6),
  ...reReport(12),
};

type ReReport<M extends number> = `reReportRate${M}m` | `reReportRate${M}mComparison`;

function reReport<M extends 6 | 12>(months: M): { [K in ReReport<M>]: IndicatorSource } {
  const caution = (sv: boolean) =>
    sv
      ? 'Detta är en jämförelse, inte ett bevis för orsak: barn som fick samtal kan skilja sig från dem som inte fick det på sätt som siffran inte visar.'
      : 'This is a comparison, not proof of cause: children who had a talk may differ from those who did not in ways the figure cannot show.';
  const again = (from: string) => `EXISTS (SELECT 1 FROM report n WHERE n.child_id = x.child_id AND n.category IN ${SUSPICION}
      AND n.received_at > ${from} AND n.received_at <= ${from} + interval '${months} months')`;
  return {
    [`reReportRate${months}m` as ReReport<M>]: {
      definition: {
        sv:
          `Barn vars första hållna samtal hölls under perioden och som fick en ny orosanmälan om misstanke om brott inom ${months} månader efter samtalet ` +
          '÷ barn vars första hållna samtal hölls under perioden. Varje barn räknas en gång, i det område som höll samtalet. Visas först när ' +
          `${months} månader har gått efter periodens slut. Jämför med kontrollgruppen bredvid. ${caution(true)}`,
        en:
          `Children whose first held talk was held in the period and who got a new concern report of a suspected crime within ${months} months after ` +
          'the talk ÷ children whose first held talk was held in the period. Each child is counted once, in the district that held the talk. Shown only ' +
          `once ${months} months have passed after the period. Compare with the comparison group beside it. ${caution(false)}`,
      },
      sql: `SELECT x.district_id, x.month, x.child_id, ${again('x.held_at')} AS num, true AS den, false AS pend FROM first_held x`,
    },
    [`reReportRate${months}mComparison` as ReReport<M>]: {
      definition: {
        sv:
          `Kontrollgrupp: barn med en behörig anmälan om misstanke för första gången, mottagen under perioden, vars samtal aldrig hölls (avböjt, inställt ` +
          `eller inte nått), och som fick en ny orosanmälan om misstanke om brott inom ${months} månader efter anmälan ÷ sådana barn. Varje barn räknas en gång, ` +
          `vid sin första behöriga anmälan. Visas först när ${months} månader har gått efter periodens slut. ${caution(true)}`,
        en:
          `Comparison group: children with an eligible first-suspicion report received in the period whose talk was never held (declined, cancelled or ` +
          `not reached) and who got a new concern report of a suspected crime within ${months} months after that report ÷ such children. Each child is ` +
          `counted once, at their first eligible report. Shown only once ${months} months have passed after the period. ${caution(false)}`,
      },
      sql: `SELECT x.district_id, x.month, x.child_id, ${again('x.received_at')} AS num, true AS den, false AS pend FROM not_held x`,
    },
  } as { [K in ReReport<M>]: IndicatorSource };
}
