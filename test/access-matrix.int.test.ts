/**
 * The access-matrix proof: every object field and root operation of the live
 * schema is checked, for every seeded user, against the policy table in
 * domain/access, by running real GraphQL requests.
 */
import {
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isLeafType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadViewer } from '../api/auth/viewer.loader';
import { buildAppSchema } from '../api/schema';
import { DEMO_USERS } from '../db/seed/demo-seed';
import { decide, Grant } from '../domain/access/policy';
import { MODULES } from '../app/modules';
import { REGISTRY } from '../app/registry';
import { hasAnyRole, ViewerScope } from '../domain/access/viewer-scope';
import { COORDINATOR_ROLES, PARTNER_ROLES } from '../domain/collaboration/collaboration.grants';
import { Role, SOCIAL_SERVICES_ROLES } from '../domain/access/roles';
import { collaborationMatrixFixtures } from './helpers/collaboration-matrix';
import { createTestApp, TestApp } from './helpers/test-app';
import { Facts, ModuleProbes, ProbeContext } from './access-matrix/probe';

/** Each module probes its own queries, in test/access-matrix/<module>.probes.ts; they run in the modules' order. */
const PROBES_DIR = path.join(__dirname, 'access-matrix');
const MODULE_PROBES = MODULES.flatMap((module) => {
  const file = path.join(PROBES_DIR, `${module.name}.probes.ts`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a module's probes, found by its name
  return fs.existsSync(file) ? [{ module, ...(require(file) as ModuleProbes) }] : [];
});

let app: TestApp;
let schema: GraphQLSchema;
const scopes = new Map<string, ViewerScope>();
const factsById = new Map<string, Facts>();
/** What each clock runs on, read after the fixtures started them. */
const clockById = new Map<string, { subjectType: string; subjectId: string }>();
/** Audit rows name their district (a denied lookup names the district it touched); refreshed before the audit probes. */
const auditDistrictById = new Map<string, string | null>();
let municipalityId: string;
const counts = { cases: 0, allowed: 0, denied: 0, notFound: 0 };
/** Cells checked against each row's ceiling, read from the data (not the policy): crime data, consent categories, membership, need to know. */
const ceilingCounts = { crimeData: 0, category: 0, endedMembership: 0, needToKnow: 0 };
const checkedFields = new Set<string>();
const probedOperations = new Set<string>();
let collaboration: Awaited<ReturnType<typeof collaborationMatrixFixtures>>;

const isRoot = (name: string) => name === 'Query' || name === 'Mutation';

function objectTypes(): GraphQLObjectType[] {
  return Object.values(schema.getTypeMap()).filter(
    (t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__') && !isRoot(t.name),
  );
}

/** A selection of every field of a type, recursing into object fields (depth-limited). */
function selectAll(type: GraphQLNamedType, depth: number): string {
  if (!isObjectType(type)) return '';
  const parts = Object.values(type.getFields())
    .filter((f) => f.args.every((a) => !isNonNullType(a.type)))
    .map((f) => {
      const inner = getNamedType(f.type);
      if (!isObjectType(inner)) return f.name;
      return depth > 0 ? `${f.name} { ${selectAll(inner, depth - 1) || '__typename'} }` : `${f.name} { __typename }`;
    });
  return parts.join(' ');
}

const meetingFacts = (id: string, viewer: ViewerScope): Facts => ({
  ...factsById.get(id)!,
  userId: collaboration.meetingAttendees.get(id)?.includes(viewer.userId) ? viewer.userId : null,
});

/** What the policy says about one object the response holds. */
function factsFor(typeName: string, value: any, parentFacts: Facts, viewer: ViewerScope): Facts {
  switch (typeName) {
    case 'Viewer':
    case 'Notification':
      return { userId: viewer.userId };
    case 'Agency':
    case 'District':
    case 'StaffMember':
    case 'ParkedEmail':
    case 'UserAccount':
      return { municipalityId };
    case 'ReportFeedback':
      return parentFacts;
    case 'AuditEvent':
      return value?.id != null && auditDistrictById.has(String(value.id))
        ? { districtId: auditDistrictById.get(String(value.id)) ?? undefined }
        : parentFacts;
    case 'IndicatorCell':
    case 'ComplianceRow':
      return { municipalityId, districtId: value.districtId };
    case 'ComplianceLateItem':
      return { districtId: parentFacts.districtId };
    case 'CaseChild':
    case 'CaseStateChange':
    case 'CollaborationAgenda':
      return parentFacts;
    case 'CollaborationMeeting':
      return meetingFacts(value.id, viewer);
    // A clock is read like its subject: a case part's clock by that part's facts, a report's or talk's by its parent's.
    case 'Deadline': {
      const clock = clockById.get(value.id);
      if (!clock) return parentFacts;
      const subject = clock.subjectType === 'FOLLOW_UP' ? meetingFacts(clock.subjectId, viewer) : factsById.get(clock.subjectId);
      return { ...(subject?.caseId ? subject : parentFacts), clockSubject: clock.subjectType };
    }
    default:
      return (value?.id && factsById.get(value.id)) || parentFacts;
  }
}

interface Outcome {
  errorsByPath: Map<string, { code: string; field?: string }>;
}

function expectField(
  typeName: string,
  field: string,
  grants: readonly Grant[] | undefined,
  scope: ViewerScope,
  facts: Facts,
  value: any,
  path: string,
  outcome: Outcome,
) {
  const decision = decide(scope, grants ?? [], facts);
  const error = outcome.errorsByPath.get(path);
  counts.cases += 1;
  checkedFields.add(`${typeName}.${field}`);
  if (decision.allowed) {
    counts.allowed += 1;
    expect({ path, error: error?.code ?? null }).toEqual({ path, error: null });
  } else {
    counts.denied += 1;
    expect({ path, value: value ?? null, error }).toEqual({
      path,
      value: null,
      error: { code: 'FORBIDDEN', field: `${typeName}.${field}` },
    });
  }
}

/** Texts of a case: what crime data, a consent category or need to know can keep from a viewer. */
const CASE_TEXTS = new Set([
  'AgencyGoal.text',
  'PlanAction.description',
  'PlanAction.cancelReason',
  'ActionNote.text',
  'CollaborationCase.concern',
  'CollaborationMeeting.decisions',
  'CollaborationMeeting.planChanges',
  'CollaborationCase.youthGoals',
]);
/** What a social worker without need to know may read of a case: that it exists and who coordinates it. */
const CASE_EXISTENCE = new Set(['id', 'reference', 'state', 'child', 'coordinator']);

const partnerOnly = (scope: ViewerScope) =>
  hasAnyRole(scope, PARTNER_ROLES) && !hasAnyRole(scope, [...COORDINATOR_ROLES, ...SOCIAL_SERVICES_ROLES]);

/**
 * The most a row (a user) may see of a cell, decided from the fixture's data independently of the policy table: a cell
 * above it fails the proof even if the policy allowed it.
 */
function expectWithinCeiling(typeName: string, field: string, scope: ViewerScope, facts: Facts, value: unknown, path: string) {
  const qualified = `${typeName}.${field}`;
  const shown = value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);
  const member = facts.caseId ? collaboration.membership.get(`${facts.caseId}|${scope.userId}`) : undefined;
  if (CASE_TEXTS.has(qualified) && facts.crimeInformation === true && !scope.isPublicAuthority) {
    ceilingCounts.crimeData += 1;
    expect({ path, rule: 'crime data to a non-authority', shown }).toEqual({ path, rule: 'crime data to a non-authority', shown: false });
  }
  if (CASE_TEXTS.has(qualified) && facts.category && partnerOnly(scope)) {
    ceilingCounts.category += 1;
    const covered = member === 'current' && !!collaboration.consentCategories.get(facts.caseId!)?.get(scope.agencyId)?.has(facts.category);
    if (!covered)
      expect({ path, rule: `category ${facts.category} not in the consent`, shown }).toEqual({
        path,
        rule: `category ${facts.category} not in the consent`,
        shown: false,
      });
  }
  if (facts.caseId && partnerOnly(scope) && member !== 'current') {
    ceilingCounts.endedMembership += 1;
    expect({ path, rule: `membership ${member ?? 'none'}`, shown }).toEqual({ path, rule: `membership ${member ?? 'none'}`, shown: false });
  }
  if (typeName === 'CollaborationCase' && scope.roles.has(Role.SOCIAL_WORKER) && member !== 'current' && !CASE_EXISTENCE.has(field)) {
    ceilingCounts.needToKnow += 1;
    expect({ path, rule: 'no need to know', shown }).toEqual({ path, rule: 'no need to know', shown: false });
  }
}

/** The texts of case C that name the suspected crime: no response to a non-authority holds them, wherever they hide. */
const CRIME_TOKEN = 'K-MATRIX-C/26';

function expectResponseWithinCeiling(
  scope: ViewerScope,
  operation: string,
  variables: Record<string, unknown>,
  result: { data?: unknown },
  code?: string,
) {
  if (!scope.isPublicAuthority) {
    ceilingCounts.crimeData += 1;
    expect({ operation, leaks: JSON.stringify(result.data ?? null).includes(CRIME_TOKEN) }).toEqual({ operation, leaks: false });
  }
  const member = operation === 'collaborationCase' ? collaboration.membership.get(`${variables.id}|${scope.userId}`) : undefined;
  if (member === 'ended' && partnerOnly(scope)) {
    ceilingCounts.endedMembership += 1;
    expect({ operation, member, code }).toEqual({ operation, member, code: 'NOT_FOUND' });
  }
}

function walk(type: GraphQLObjectType, value: any, path: string, scope: ViewerScope, parentFacts: Facts, outcome: Outcome) {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(type, item, `${path}.${i}`, scope, parentFacts, outcome));
    return;
  }
  const policy = REGISTRY.access.types.get(type.name);
  expect({ type: type.name, hasPolicy: !!policy }).toEqual({ type: type.name, hasPolicy: true });
  const facts = factsFor(type.name, value, parentFacts, scope);
  for (const [name, field] of Object.entries(type.getFields()) as [string, GraphQLField<unknown, unknown>][]) {
    if (!(name in value)) continue;
    expectField(type.name, name, policy!.fields[name], scope, facts, value[name], `${path}.${name}`, outcome);
    expectWithinCeiling(type.name, name, scope, facts, value[name], `${path}.${name}`);
    const inner = getNamedType(field.type);
    if (isObjectType(inner) && value[name] !== null) walk(inner, value[name], `${path}.${name}`, scope, facts, outcome);
  }
}

/** `rowFacts`: the facts of the object a single-object query loads; `listFacts`: the facts of every item a list query returns. */
async function probe(
  email: string,
  operation: string,
  query: string,
  variables: Record<string, unknown> = {},
  rowFacts: Facts | null = null,
  listFacts: Facts = {},
) {
  const rootField = operation;
  const scope = scopes.get(email)!;
  probedOperations.add(operation);
  const result = await app.as(email, query, variables);
  const errorsByPath = new Map(
    (result.errors ?? []).map((e) => [
      e.path!.join('.'),
      { code: e.extensions?.code as string, ...(e.extensions?.field ? { field: e.extensions.field as string } : {}) },
    ]),
  );
  expectResponseWithinCeiling(scope, operation, variables, result, errorsByPath.get(rootField)?.code);
  const roles = REGISTRY.access.operations.Query[operation];
  counts.cases += 1;
  if (!roles || !hasAnyRole(scope, roles)) {
    counts.denied += 1;
    expect({ email, operation, error: errorsByPath.get(rootField)?.code }).toEqual({ email, operation, error: 'FORBIDDEN' });
    return;
  }
  const type = getNamedType(schema.getQueryType()!.getFields()[operation].type) as GraphQLObjectType;
  if (rowFacts && !decide(scope, REGISTRY.access.types.get(type.name)!.rows, rowFacts).allowed) {
    counts.notFound += 1;
    expect({ email, operation, error: errorsByPath.get(rootField)?.code }).toEqual({ email, operation, error: 'NOT_FOUND' });
    return;
  }
  counts.allowed += 1;
  expect({ email, operation, error: errorsByPath.get(rootField)?.code ?? null }).toEqual({ email, operation, error: null });
  walk(type, result.data![rootField], rootField, scope, rowFacts ?? listFacts, { errorsByPath });
}

/** A syntactically valid value for an input type, so a call reaches the access check. */
function dummy(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return dummy(type.ofType);
  if (isListType(type)) return [dummy(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, dummy(f.type)]),
    );
  }
  if (isScalarType(type)) {
    return (
      (
        { ID: randomUUID(), String: 'matrix-probe-value', Boolean: false, Int: 1, Float: 1, DateTime: '2026-11-23T08:00:00Z' } as Record<
          string,
          unknown
        >
      )[type.name] ?? 'x'
    );
  }
  return null;
}

/** One child, one record: a number sent with another name, and a report by name only that matches a registered child. */
async function identityFixtures(childId: string, pnr: string) {
  const flag = (idempotencyKey: string, child: Record<string, unknown>) =>
    app.as('larare.norr@samverka.test', `mutation($i: FlagConcernInput!) { flagConcern(input: $i) { id } }`, {
      i: { child, category: 'OTHER', description: 'Matris identitet.', feedbackRequested: false, idempotencyKey },
    });
  await flag('matrix-mismatch-1', { personalIdentityNumber: pnr, givenName: 'Annat', familyName: 'Namnsson' });
  const [named] = await app.sql(`SELECT given_name, family_name, to_char(birth_date, 'YYYY-MM-DD') AS born FROM child WHERE id = $1`, [
    childId,
  ]);
  await flag('matrix-name-only-1', { givenName: named.given_name, familyName: named.family_name, birthDate: named.born });
}

beforeAll(async () => {
  // The probes select every field of every type two or three levels down: far above any client's cost, by design.
  app = await createTestApp({ maxCost: 10_000_000 });
  schema = await buildAppSchema(REGISTRY);
  [{ id: municipalityId }] = await app.sql(`SELECT id FROM municipality`);
  // Fixtures: a police report with feedback given, and a school flag, both in Norr.
  const [child] = await app.sql(
    `SELECT c.id, c.personal_identity_number AS pnr FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'norr' ORDER BY c.id LIMIT 1`,
  );
  const police = await app.as('polis.norr@samverka.test', `mutation($i: ReportConcernInput!) { reportConcern(input: $i) { id } }`, {
    i: {
      policeReference: 'K-MATRIX/26',
      child: { personalIdentityNumber: child.pnr },
      category: 'SUSPECTED_CRIME',
      description: 'Matris.',
      firstKnownSuspicion: true,
      preInvestigationRunning: false,
      guardianContactOnHold: false,
      feedbackRequested: true,
      idempotencyKey: 'matrix-police-1',
    },
  });
  const reportId = police.data.reportConcern.id;
  const socsekId = await app.idOf('app_user', 'email = $1', ['socsek.norr@samverka.test']);
  await app.as('chef.norr@samverka.test', `mutation($i: AssignReportInput!) { assignReport(input: $i) { id } }`, {
    i: { reportId, userId: socsekId },
  });
  await app.as('socsek.norr@samverka.test', `mutation($i: ProtectionAssessmentInput!) { recordProtectionAssessment(input: $i) { id } }`, {
    i: { reportId, acuteDanger: false, note: 'Nej.' },
  });
  await app.as('socsek.norr@samverka.test', `mutation($i: PreliminaryAssessmentInput!) { recordPreliminaryAssessment(input: $i) { id } }`, {
    i: { reportId, decision: 'OPEN_INVESTIGATION' },
  });
  await app.as('chef.norr@samverka.test', `mutation($i: ExtendInvestigationInput!) { extendInvestigation(input: $i) { id } }`, {
    i: { reportId, reason: 'AWAITING_POLICE_INTERVIEW', newDueAt: '2027-04-01T08:00:00Z' },
  });
  await app.as('larare.norr@samverka.test', `mutation($i: FlagConcernInput!) { flagConcern(input: $i) { id } }`, {
    i: {
      child: { givenName: 'Matris', familyName: 'Testsson' },
      category: 'SCHOOL_ABSENCE',
      description: 'Frånvaro.',
      feedbackRequested: false,
      idempotencyKey: 'matrix-school-1',
    },
  });
  await identityFixtures(child.id, child.pnr);
  for (const { fixtures } of MODULE_PROBES) await fixtures?.(app);

  // An e-mail whose attempts all failed, for the administrators' view of parked e-mails.
  await app.sql(
    `UPDATE outbox SET status = 'PARKED', parked_at = now(), attempts = 8, last_error = '421 try later' WHERE id = (SELECT id FROM outbox ORDER BY created_at LIMIT 1)`,
  );
  for (const r of await app.sql(`SELECT id, child_id, district_id, reporter_agency_id, registered_by_user_id FROM report`)) {
    factsById.set(r.id, {
      entityId: r.id,
      districtId: r.district_id,
      reporterAgencyId: r.reporter_agency_id,
      filedByUserId: r.registered_by_user_id,
    });
  }
  for (const c of await app.sql(`SELECT id, district_id FROM child`)) factsById.set(c.id, { entityId: c.id, districtId: c.district_id });
  for (const g of await app.sql(`SELECT g.id, c.district_id FROM guardian g JOIN child c ON c.id = g.child_id`))
    factsById.set(g.id, { entityId: g.id, districtId: g.district_id });
  for (const d of await app.sql(`SELECT id, district_id FROM deadline`)) factsById.set(d.id, { entityId: d.id, districtId: d.district_id });
  for (const e of await app.sql(`SELECT e.id, r.district_id FROM investigation_extension e JOIN report r ON r.id = e.report_id`)) {
    factsById.set(e.id, { entityId: e.id, districtId: e.district_id });
  }
  // One open Norr report clock was escalated to the supervisors: the escalations list shows it.
  await app.sql(`WITH picked AS (
      SELECT d.id FROM deadline d JOIN district x ON x.id = d.district_id
        JOIN deadline_step s ON s.deadline_id = d.id AND s.step = 'escalate'
       WHERE x.code = 'norr' AND d.subject_type = 'REPORT' AND d.met_at IS NULL AND d.cancelled_at IS NULL ORDER BY d.id LIMIT 1),
    fired AS (UPDATE deadline_step s SET fired_at = now() FROM picked WHERE s.deadline_id = picked.id AND s.step = 'escalate')
    UPDATE deadline d SET escalation_level = 1 FROM picked WHERE d.id = picked.id`);
  // One Norr report came in three days ago, so its protection assessment clock fell due late: the compliance report lists it.
  await app.sql(`UPDATE report SET received_at = received_at - interval '3 days'
    WHERE id = (SELECT r.id FROM report r JOIN district d ON d.id = r.district_id WHERE d.code = 'norr' ORDER BY r.received_at LIMIT 1)`);
  // Team membership and consent are dimensions of the matrix: each user's scope is read after the cases exist.
  collaboration = await collaborationMatrixFixtures(app);
  for (const [id, facts] of collaboration.facts) factsById.set(id, facts);
  for (const { facts } of MODULE_PROBES) for (const [id, f] of (await facts?.(app)) ?? []) factsById.set(id, f);
  for (const d of await app.sql(`SELECT id, subject_type, subject_id FROM deadline`)) {
    clockById.set(d.id, { subjectType: d.subject_type, subjectId: d.subject_id });
  }
  for (const user of DEMO_USERS) {
    scopes.set(user.email, (await loadViewer(app.runtime, { subject: user.email, kind: 'development' }, app.clock.now())).scope);
  }
});

afterAll(async () => {
  const objectFields = objectTypes().flatMap((t) => Object.keys(t.getFields()).map((f) => `${t.name}.${f}`));
  const operations = ['Query', 'Mutation'].flatMap((root) =>
    Object.keys((root === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields()).map((f) => `${root}.${f}`),
  );
  const probedQueries = new Set(
    Object.keys(REGISTRY.access.operations.Query)
      .filter((q) => probedOperations.has(q))
      .map((q) => `Query.${q}`),
  );
  const covered = (list: string[]) => list.filter((f) => checkedFields.has(f) || probedQueries.has(f)).length;
  process.stdout.write(
    `\naccess-matrix: users=${scopes.size} cases=${counts.cases} allowed=${counts.allowed} denied=${counts.denied} notFound=${counts.notFound} ` +
      `objectFields=${covered(objectFields)}/${objectFields.length} operations=${covered(operations)}/${operations.length} ` +
      `ceiling: crimeData=${ceilingCounts.crimeData} category=${ceilingCounts.category} endedMembership=${ceilingCounts.endedMembership} needToKnow=${ceilingCounts.needToKnow}\n`,
  );
  await app.close();
});

describe('the policy table', () => {
  it('has an entry for every object field and root operation of the live schema', () => {
    const missing: string[] = [];
    for (const type of objectTypes()) {
      const policy = REGISTRY.access.types.get(type.name);
      for (const field of Object.keys(type.getFields())) if (!policy?.fields[field]) missing.push(`${type.name}.${field}`);
    }
    for (const root of ['Query', 'Mutation'] as const) {
      for (const field of Object.keys((root === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields())) {
        if (!REGISTRY.access.operations[root][field]) missing.push(`${root}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('lists no type or operation the schema lacks (stale entries hide mistakes)', () => {
    const types = new Set(objectTypes().map((t) => t.name));
    expect([...REGISTRY.access.types.keys()].filter((t) => !types.has(t))).toEqual([]);
    for (const root of ['Query', 'Mutation'] as const) {
      const fields = (root === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields();
      expect(Object.keys(REGISTRY.access.operations[root]).filter((f) => !fields[f])).toEqual([]);
    }
  });
});

describe('every user, every readable field', () => {
  const emails = DEMO_USERS.map((u) => u.email);

  it.each(emails)('%s: reads exactly what the policy allows', async (email) => {
    let auditDistrictsRead = false;
    const context: ProbeContext = {
      app,
      email,
      scope: scopes.get(email)!,
      scopeOf: (other) => scopes.get(other)!,
      select: (typeName, depth) => selectAll(schema.getType(typeName)!, depth),
      factsById,
      collaboration,
      async refreshAuditDistricts() {
        if (auditDistrictsRead) return;
        auditDistrictsRead = true;
        for (const a of await app.sql(`SELECT id::text AS id, district_id FROM audit_event`)) auditDistrictById.set(a.id, a.district_id);
      },
      probe: (operation, query, variables, rowFacts, listFacts) => probe(email, operation, query, variables, rowFacts, listFacts),
    };
    for (const { PROBES } of MODULE_PROBES) for (const run of Object.values(PROBES)) await run(context);
  });

  it('held every collaboration row to its ceiling: crime data, consent categories, ended membership, need to know', () => {
    expect(Object.entries(ceilingCounts).filter(([, n]) => n === 0)).toEqual([]);
  });

  it("a case system's client (INTAKE_CLIENT) may call submitReport and nothing else, and reads back only its receipt", async () => {
    const email = 'klient.polis@samverka.test';
    const agencyId = await app.idOf('agency', `kind = 'POLICE' ORDER BY name LIMIT 1`, []);
    await app.sql(`INSERT INTO app_user (agency_id, email, subject, display_name, roles) VALUES ($1, $2, $2, 'Polisens system', $3)`, [
      agencyId,
      email,
      [Role.INTAKE_CLIENT],
    ]);
    const scope = (await loadViewer(app.runtime, { subject: email, kind: 'development' }, app.clock.now())).scope;
    for (const root of ['Query', 'Mutation'] as const) {
      const type = root === 'Query' ? schema.getQueryType()! : schema.getMutationType()!;
      for (const [name, field] of Object.entries(type.getFields())) {
        // The one allowed operation is called with a real input below (a dummy agency would be refused as another agency).
        if (hasAnyRole(scope, REGISTRY.access.operations[root][name] ?? [])) continue;
        const args = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
        const call = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
        const variables = Object.fromEntries(field.args.map((a) => [a.name, dummy(a.type)]));
        const operation = `${root === 'Query' ? 'query' : 'mutation'}${args ? `(${args})` : ''}`;
        const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
        const result = await app.as(email, `${operation} { ${name}${call ? `(${call})` : ''}${selection} }`, variables);
        const code = result.errors?.find((e) => e.path?.[0] === name)?.extensions?.code ?? null;
        counts.cases += 1;
        counts.denied += 1;
        expect({ root, name, code }).toEqual({ root, name, code: 'FORBIDDEN' });
      }
    }
    const sent = await app.as(
      email,
      `mutation($input: SubmitReportInput!) { submitReport(input: $input) { reference receivedAt replayed } }`,
      {
        input: {
          senderReference: 'MATRIX-1',
          agencyId,
          child: { givenName: 'Matris', familyName: 'Klientsson', birthDate: '2013-05-05' },
          category: 'OTHER',
          description: 'Från polisens system.',
          feedbackRequested: false,
          police: { firstKnownSuspicion: false, preInvestigationRunning: false, guardianContactOnHold: false },
        },
      },
    );
    expect(sent.errors).toBeUndefined();
    const policy = REGISTRY.access.types.get('SubmittedReport')!;
    for (const field of Object.keys(sent.data.submitReport)) {
      const outcome = { errorsByPath: new Map() };
      const facts = { filedByUserId: scope.userId };
      expectField(
        'SubmittedReport',
        field,
        policy.fields[field],
        scope,
        facts,
        sent.data.submitReport[field],
        `submitReport.${field}`,
        outcome,
      );
    }
  });

  it('reached every field of every object type', () => {
    const all = objectTypes().flatMap((t) => Object.keys(t.getFields()).map((f) => `${t.name}.${f}`));
    expect(all.filter((f) => !checkedFields.has(f))).toEqual([]);
  });

  it("has a probe for every query of the schema, in the file of the query's module", () => {
    const files = fs.readdirSync(PROBES_DIR).filter((f) => f.endsWith('.probes.ts'));
    expect(files.filter((f) => !MODULES.some((m) => f === `${m.name}.probes.ts`))).toEqual([]);
    const queries = Object.keys(schema.getQueryType()!.getFields());
    expect(queries.filter((q) => !MODULE_PROBES.some(({ PROBES }) => q in PROBES))).toEqual([]);
    const foreign = MODULE_PROBES.flatMap(({ module, PROBES }) =>
      Object.keys(PROBES)
        .filter((q) => !(q in (module.access?.queries ?? {})))
        .map((q) => `${module.name}: ${q}`),
    );
    expect(foreign).toEqual([]);
  });

  it('probed every query as every user', () => {
    const queries = Object.keys(schema.getQueryType()!.getFields());
    expect(queries.filter((q) => !probedOperations.has(q))).toEqual([]);
  });
});

describe('every user, every mutation', () => {
  it.each(DEMO_USERS.map((u) => u.email))('%s: may call exactly the mutations the policy allows', async (email) => {
    const scope = scopes.get(email)!;
    for (const [name, field] of Object.entries(schema.getMutationType()!.getFields())) {
      const args = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const call = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const variables = Object.fromEntries(field.args.map((a) => [a.name, dummy(a.type)]));
      const result = await app.as(email, `mutation(${args}) { ${name}(${call}) { __typename } }`, variables);
      const code = result.errors?.find((e) => e.path?.[0] === name)?.extensions?.code ?? null;
      const allowed = hasAnyRole(scope, REGISTRY.access.operations.Mutation[name] ?? []);
      counts.cases += 1;
      if (allowed) counts.allowed += 1;
      else counts.denied += 1;
      checkedFields.add(`Mutation.${name}`);
      expect({ email, name, forbidden: code === 'FORBIDDEN' }).toEqual({ email, name, forbidden: !allowed });
    }
  });
});
