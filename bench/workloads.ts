/** The operations `npm run bench` drives, as the table names them. */

export const POLICE_VIEWER = 'polis.norr@samverka.test';
export const SCHOOL_VIEWER = 'larare.norr@samverka.test';
export const ANALYST_VIEWER = 'analytiker@samverka.test';
export const SOCIAL_VIEWER = 'socsek.norr@samverka.test';
export const COORDINATOR_VIEWER = 'sspf.norr@samverka.test';

/** collaborationCase(id) as its SSPF coordinator sees the case page: the child, goals, plan actions and meetings. */
export const CASE_VIEW_QUERY = `query CaseView($id: ID!) {
  collaborationCase(id: $id) {
    id reference state openedAt
    child { givenName familyName age }
    youthGoals agencyGoals { agency { name } text }
    actions { id description responsibleAgency { name } status dueAt }
    meetings { id kind scheduledAt heldAt }
    nextFollowUpAt
  }
}`;

/** talksDue for the next 7 days in Norr: the workload list and the load, as a social worker sees it. */
export const TALKS_DUE_QUERY = `query TalksDue($districtId: ID!, $from: DateTime!, $to: DateTime!) {
  talksDue(districtId: $districtId, from: $from, to: $to) { dueThisWeek heldLastWeek talks { id reference state dueAt } }
}`;

/** The analysts' indicators for every district of the municipality over a period. */
export const INDICATORS_QUERY = `query Indicators($period: IndicatorPeriodInput!) {
  indicators(period: $period) { indicator districtId districtName period value numerator denominator pending suppressed windowOpen definitionSv }
}`;

/** The twelve whole months up to and including the current one (UTC month; the API reads it in each district's zone). */
export function lastTwelveMonths(now: Date) {
  const month = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  return { period: { unit: 'MONTH', from: month(first), to: month(now) } };
}

/** myReports(first: 20) with the feedback status, as a police officer sees it. */
export const POLICE_FEEDBACK_QUERY = `query PoliceFeedback($first: Int!) {
  myReports(first: $first) {
    edges { cursor node { id reference childAsReported submittedAt feedbackStatus feedback { value givenAt } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** flagConcern by school staff: the report, its audit row and its deadlines. */
export const FLAG_CONCERN_MUTATION = `mutation FlagConcern($input: FlagConcernInput!) {
  flagConcern(input: $input) { id reference feedbackStatus }
}`;

export function flagConcernInput(idempotencyKey: string, personalIdentityNumber: string) {
  return {
    child: { personalIdentityNumber },
    category: 'SCHOOL_ABSENCE',
    description: 'Eleven har inte varit i skolan på tre veckor och vårdnadshavarna svarar inte. (npm run bench)',
    feedbackRequested: true,
    idempotencyKey,
  };
}

export type WorkloadName = 'police-feedback' | 'case-view' | 'talks-due' | 'flag-concern';

export interface WorkloadInfo {
  readonly name: WorkloadName;
  readonly operation: string;
  readonly viewer: string;
  /** Why it cannot run yet, when it cannot. */
  readonly unavailable?: string;
  /** Has a hand-written baseline in bench/baseline-server.ts. */
  readonly baseline: boolean;
}

export const WORKLOADS: readonly WorkloadInfo[] = [
  { name: 'police-feedback', operation: 'myReports(first: 20) with feedback status', viewer: POLICE_VIEWER, baseline: true },
  {
    name: 'case-view',
    operation: 'collaborationCase(id) with the child, goals, actions, meetings',
    viewer: COORDINATOR_VIEWER,
    baseline: true,
  },
  { name: 'talks-due', operation: 'talksDue for the next 7 days', viewer: SOCIAL_VIEWER, baseline: true },
  { name: 'flag-concern', operation: 'flagConcern (report, audit row, deadlines)', viewer: SCHOOL_VIEWER, baseline: false },
];
