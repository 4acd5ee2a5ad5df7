import {
  getNamedType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  OperationDefinitionNode,
  parse,
} from 'graphql';
import { operationCost } from '../../api/security/query-cost';
import { SignJWT } from 'jose';
import { Fixtures, FuzzUser } from './fixtures';
import {
  argumentsFor,
  deleteAt,
  Leaf,
  leavesOf,
  listSelection,
  operationText,
  RootOperation,
  rootOperations,
  selectionFor,
  setAt,
  ValueContext,
} from './operations';
import { Random } from './random';
import { ALL_TEXT, SQL_INJECTION, UNICODE_INVALID } from './strings';

/**
 * One generated request. `mustReject`: built so that any correct server
 * refuses it (a spoilt value, a missing token, a bomb); the runner then
 * also checks that it changed no rows.
 */
export type FuzzRequest = OperationRequest | HttpRequest;

interface Common {
  readonly kind: string;
  readonly mustReject: boolean;
  /** A concern submission the runner may replay later. */
  readonly replayable?: { readonly email: string };
  /** Replaying this must return the report id `expectId`. */
  readonly expectId?: string;
}

export interface OperationRequest extends Common {
  readonly via: 'operation';
  /** A demo user's email, or a raw Authorization header. */
  readonly as: { readonly email: string } | { readonly authorization: string | undefined };
  readonly query: string;
  readonly variables?: Record<string, unknown>;
}

export interface HttpRequest extends Common {
  readonly via: 'http';
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** A demo user to sign in as (added as Authorization by the runner). */
  readonly email?: string;
}

export interface GeneratorContext {
  readonly random: Random;
  readonly schema: GraphQLSchema;
  readonly fixtures: Fixtures;
  readonly now: Date;
  readonly secret: string;
  readonly bodyLimitBytes: number;
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxDirectives: number;
  readonly maxCost: number;
}

const CONCERNS = new Set(['flagConcern', 'reportConcern', 'registerConcern']);

function operationsOf(ctx: GeneratorContext): RootOperation[] {
  return rootOperations(ctx.schema);
}

function allowedUsers(ctx: GeneratorContext, op: RootOperation, policy: (op: RootOperation, user: FuzzUser) => boolean): FuzzUser[] {
  return ctx.fixtures.users.filter((u) => policy(op, u));
}

/** Who may call what is learned by probing once (see runner); until then every user is a candidate. */
export type CallPolicy = (op: RootOperation, user: FuzzUser) => boolean;

interface Built {
  readonly op: RootOperation;
  readonly user: FuzzUser;
  readonly variables: Record<string, unknown>;
  readonly selection: string;
}

function build(ctx: GeneratorContext, policy: CallPolicy, filter: (op: RootOperation) => boolean = () => true, allowed = true): Built {
  const { random } = ctx;
  // An allowed call needs a demo user who may make it (no demo user is a case-system client, say).
  const candidates = operationsOf(ctx)
    .filter(filter)
    .filter((op) => !allowed || allowedUsers(ctx, op, policy).length > 0);
  const op = random.pick(candidates);
  const users = allowed ? allowedUsers(ctx, op, policy) : ctx.fixtures.users.filter((u) => !policy(op, u));
  const user = random.pick(users.length ? users : ctx.fixtures.users);
  const valueContext: ValueContext = { random, fixtures: ctx.fixtures, user, operation: op.field.name, now: ctx.now };
  const variables = argumentsFor(op.field, valueContext);
  const named = getNamedType(op.field.type);
  let selection = selectionFor(named, random, 2);
  if (CONCERNS.has(op.field.name) && !/\bid\b/.test(selection)) selection = `id ${selection}`;
  return { op, user, variables, selection };
}

function operation(kind: string, b: Built, mustReject: boolean, as?: OperationRequest['as'], query?: string): OperationRequest {
  return {
    kind,
    via: 'operation',
    mustReject,
    as: as ?? { email: b.user.email },
    query: query ?? operationText(b.op.kind, b.op.field, b.variables, b.selection),
    variables: b.variables,
    replayable: !mustReject && CONCERNS.has(b.op.field.name) ? { email: b.user.email } : undefined,
  };
}

/** A call of `b`'s operation that must be refused for its selection (and aliases), as its user. */
function rejectSelecting(kind: string, b: Built, selection: string, aliases?: number): OperationRequest {
  return operation(kind, b, true, undefined, operationText(b.op.kind, b.op.field, b.variables, selection, aliases));
}

function wrongValue(leaf: Leaf, random: Random): unknown {
  const inner = isNonNullType(leaf.type) ? leaf.type.ofType : leaf.type;
  // Not 'x': GraphQL coerces a single value into a list of one, so it is a valid input.
  if (isListType(inner)) return random.pick([{ not: 'a list' }, [[1]]]);
  const named = getNamedType(leaf.type);
  if (isInputObjectType(named)) return random.pick(['a string', 42, [1, 2], true]);
  if (isEnumType(named)) return random.pick(['NOT_A_VALUE', 1, true, { v: 1 }, "OTHER' OR 1=1"]);
  if (isScalarType(named)) {
    switch (named.name) {
      case 'Boolean':
        return random.pick(['true', 1, 'yes', [true], {}]);
      case 'Int':
        return random.pick(['1', 1.5, 2 ** 40, true, [1], {}]);
      case 'ID':
        return random.pick([true, 1.5, [random.uuid()], { id: random.uuid() }]);
      case 'DateTime':
        return random.pick(['yesterday', '2026-13-45T99:00:00Z', 12345, true, {}]);
      default:
        return random.pick([12345, true, 1.5, ['x'], { text: 'x' }]);
    }
  }
  return { unexpected: true };
}

const DAY_MS = 86_400_000;

function longText(random: Random, units: number): string {
  const base = random.pick(ALL_TEXT);
  return base.repeat(Math.ceil(units / base.length) + 1);
}

/** Spoils one place in an otherwise plausible request so that it must be refused. */
function poisonedOperation(ctx: GeneratorContext, policy: CallPolicy): OperationRequest {
  const { random } = ctx;
  const b = build(ctx, policy, (op) => op.kind === 'mutation' || op.field.args.length > 0);
  const leaves = leavesOf(b.op.field, b.variables);
  const strings = leaves.filter((l) => {
    const n = getNamedType(l.type);
    return isScalarType(n) && (n.name === 'String' || n.name === 'ID');
  });
  const ids = leaves.filter((l) => getNamedType(l.type).name === 'ID');
  const dates = leaves.filter((l) => getNamedType(l.type).name === 'DateTime');
  const required = leaves.filter((l) => !l.optional);
  const spoil = (leaf: Leaf, value: unknown) => setAt(b.variables, leaf.path, value);

  type Poison = [string, () => boolean];
  const poisons: Poison[] = [
    ['nul', () => strings.length > 0 && (spoil(random.pick(strings), `${random.pick(ALL_TEXT)}\u0000${random.pick(ALL_TEXT)}`), true)],
    ['invalidUnicode', () => strings.length > 0 && (spoil(random.pick(strings), random.pick(UNICODE_INVALID)), true)],
    // Over 20,000 UTF-16 units is over 10,000 characters even in emoji: longer than any field allows.
    ['hugeString', () => strings.length > 0 && (spoil(random.pick(strings), longText(random, random.int(20_002, 120_000))), true)],
    ['wrongType', () => leaves.length > 0 && ((l) => (spoil(l, wrongValue(l, random)), true))(random.pick(leaves))],
    ['omitRequired', () => required.length > 0 && (deleteAt(b.variables, random.pick(required).path), true)],
    ['nullRequired', () => required.length > 0 && (spoil(random.pick(required), null), true)],
    [
      'unknownField',
      () => {
        const objects = leaves.filter(
          (l) => isInputObjectType(getNamedType(l.type)) && !isListType(isNonNullType(l.type) ? l.type.ofType : l.type),
        );
        if (!objects.length) return false;
        const target = random.pick(objects);
        const value = target.path.reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], b.variables);
        if (!value || typeof value !== 'object') return false;
        (value as Record<string, unknown>)[random.pick(['isAdmin', '__proto__x', 'district_id', 'role'])] = random.pick(ALL_TEXT);
        return true;
      },
    ],
    [
      'malformedId',
      () =>
        ids.length > 0 &&
        (spoil(random.pick(ids), random.pick([...SQL_INJECTION, 'not-a-uuid', '', '123', `${random.uuid()} `.repeat(2)])), true),
    ],
    [
      'dateOutOfRange',
      () =>
        dates.length > 0 &&
        (spoil(
          random.pick(dates),
          random.pick(['1850-06-01T00:00:00Z', '2150-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z']),
        ),
        true),
    ],
    [
      'futureSubmission',
      () => {
        const submitted =
          leaves.find((l) => l.name === 'submittedAt') ??
          (CONCERNS.has(b.op.field.name)
            ? { path: ['input', 'submittedAt'], type: leaves[0].type, name: 'submittedAt', optional: true }
            : undefined);
        if (!submitted || !b.variables.input) return false;
        setAt(b.variables, submitted.path, new Date(ctx.now.getTime() + random.int(1, 400) * DAY_MS).toISOString());
        return true;
      },
    ],
  ];
  const order = [...poisons].sort(() => random.next() - 0.5);
  for (const [name, apply] of order) {
    if (apply()) return operation(`poison:${name}`, b, true);
  }
  return operation('poison:anonymous', b, true, { authorization: undefined });
}

async function badToken(ctx: GeneratorContext, email: string): Promise<string> {
  const { random } = ctx;
  const now = Math.floor(ctx.now.getTime() / 1000);
  const none = (alg: string) =>
    `${Buffer.from(JSON.stringify({ alg, typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub: email, exp: now + 3600 })).toString('base64url')}.`;
  const secret = new TextEncoder().encode(ctx.secret);
  const other = new TextEncoder().encode('another-secret-that-is-long-enough-to-sign-with');
  const choice = random.int(0, 7);
  switch (choice) {
    case 0:
      return `Bearer ${none('none')}`;
    case 1:
      return `Bearer ${none(random.pick(['None', 'NONE', 'nOnE']))}`;
    case 2:
      return `Bearer ${await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(email)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
        .sign(secret)}`;
    case 3:
      return `Bearer ${await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(email).setExpirationTime('1h').sign(other)}`;
    case 4:
      return `Bearer ${await new SignJWT({}).setProtectedHeader({ alg: 'HS512' }).setSubject(email).setExpirationTime('1h').sign(secret)}`;
    case 5:
      return `Bearer ${await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(email).sign(secret)}`;
    case 6:
      return `Bearer ${await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(`nobody-${random.int(1, 1e6)}@samverka.test`)
        .setExpirationTime('1h')
        .sign(secret)}`;
    default:
      return random.pick([
        'Bearer',
        'Bearer ',
        'Basic YWRtaW46YWRtaW4=',
        `Bearer ${'A'.repeat(random.int(1, 8_000))}`,
        'Bearer a.b.c',
        `Bearer ${random.pick(SQL_INJECTION)}`,
      ]);
  }
}

function nested(levels: number, type: string, leaf: string): string {
  return `${`... on ${type} { `.repeat(levels)}${leaf}${' }'.repeat(levels)}`;
}

/** Requests refused before or while resolving: bombs, garbage, missing or forged credentials, forbidden roles. */
async function structuralReject(ctx: GeneratorContext, policy: CallPolicy): Promise<OperationRequest> {
  const { random } = ctx;
  const mutation = (allowed: boolean) => build(ctx, policy, (op) => op.kind === 'mutation', allowed);
  const kind = random.weighted<string>([
    ['anonymous', 3],
    ['badToken', 3],
    ['forbiddenRole', 3],
    ['depthBomb', 2],
    ['aliasBomb', 2],
    ['tokenBomb', 1],
    ['directiveBomb', 1],
    ['syntax', 2],
    ['fragmentCycle', 1],
    ['unknownOperation', 1],
    ['unknownField', 1],
  ]);
  switch (kind) {
    case 'anonymous':
      return operation('reject:anonymous', mutation(true), true, { authorization: undefined });
    case 'badToken': {
      const b = mutation(true);
      return operation('reject:badToken', b, true, { authorization: await badToken(ctx, b.user.email) });
    }
    case 'forbiddenRole': {
      const b = mutation(false);
      if (policy(b.op, b.user)) return operation('reject:anonymous', b, true, { authorization: undefined });
      return operation('reject:forbiddenRole', b, true);
    }
    case 'depthBomb': {
      const b = mutation(true);
      const depth = ctx.maxDepth + random.int(1, 30);
      const type = getNamedType(b.op.field.type).name;
      return rejectSelecting('reject:depthBomb', b, nested(depth, type, '__typename'));
    }
    case 'aliasBomb': {
      const b = mutation(true);
      return rejectSelecting('reject:aliasBomb', b, 'id', ctx.maxAliases + random.int(1, 40));
    }
    case 'tokenBomb': {
      const b = mutation(true);
      return rejectSelecting('reject:tokenBomb', b, '__typename '.repeat(ctx.maxTokens + random.int(1, 500)));
    }
    case 'directiveBomb': {
      const b = mutation(true);
      return rejectSelecting(
        'reject:directiveBomb',
        b,
        `__typename ${'@include(if: true) '.repeat(ctx.maxDirectives + random.int(1, 30))}`,
      );
    }
    case 'syntax': {
      const b = mutation(true);
      const text = operationText(b.op.kind, b.op.field, b.variables, b.selection);
      const cut = text.slice(0, random.int(1, text.length - 2));
      return operation(
        'reject:syntax',
        b,
        true,
        undefined,
        random.chance(0.5) ? cut : `${cut}${random.pick(['"', '{{', '$', '\u0000', '#', '@@'])}${random.pick(SQL_INJECTION)}`,
      );
    }
    case 'fragmentCycle': {
      const b = mutation(true);
      const type = getNamedType(b.op.field.type).name;
      const body = operationText(b.op.kind, b.op.field, b.variables, '...A');
      return operation('reject:fragmentCycle', b, true, undefined, `${body} fragment A on ${type} { ...B } fragment B on ${type} { ...A }`);
    }
    case 'unknownOperation': {
      const b = mutation(true);
      return operation(
        'reject:unknownOperation',
        b,
        true,
        undefined,
        `mutation { ${random.pick(['dropDatabase', 'deleteAllChildren', 'updateUser', 'sql'])}(q: "${random.pick(['x', 'y'])}") { id } }`,
      );
    }
    default: {
      const b = mutation(true);
      return rejectSelecting(
        'reject:unknownField',
        b,
        `id ${random.pick(['password', 'passwordHash', 'secret', 'internalNotes', 'personnummer'])}`,
      );
    }
  }
}

/** HTTP-level abuse: none of these may reach a resolver. */
function httpReject(ctx: GeneratorContext, policy: CallPolicy): HttpRequest {
  const { random } = ctx;
  const b = build(ctx, policy, (op) => op.kind === 'mutation');
  const valid = JSON.stringify({ query: operationText(b.op.kind, b.op.field, b.variables, b.selection), variables: b.variables });
  const json = { 'content-type': 'application/json' };
  const kind = random.weighted<string>([
    ['malformedJson', 4],
    ['batch', 2],
    ['csrf', 3],
    ['getMutation', 2],
    ['tooLarge', 1],
    ['notAnObject', 2],
    ['wrongShapes', 3],
    ['method', 1],
    ['emptyBody', 1],
  ]);
  const request = (body: string | undefined, headers: Record<string, string> = json, method = 'POST', path = '/graphql'): HttpRequest => ({
    kind: `http:${kind}`,
    via: 'http',
    mustReject: true,
    method,
    path,
    headers,
    body,
    email: b.user.email,
  });
  switch (kind) {
    case 'malformedJson': {
      const cut = valid.slice(0, random.int(1, valid.length - 1));
      return request(
        random.pick([
          cut,
          `${valid}}`,
          valid.replace(/"/g, "'"),
          `{"query": "${random.pick(SQL_INJECTION)}`,
          '{"query": \u0000}',
          'nul\u0000',
          '[',
          '{,}',
        ]),
      );
    }
    case 'batch':
      return request(`[${valid},${valid}]`);
    case 'csrf':
      return request(
        valid,
        random.pick<Record<string, string>>([
          { 'content-type': 'text/plain' },
          { 'content-type': 'application/x-www-form-urlencoded' },
          { 'content-type': 'multipart/form-data; boundary=x' },
          {},
        ]),
      );
    case 'getMutation': {
      const query = encodeURIComponent(operationText(b.op.kind, b.op.field, {}, b.selection));
      return request(undefined, { 'apollo-require-preflight': 'true' }, 'GET', `/graphql?query=${query}`);
    }
    case 'tooLarge':
      return request(
        JSON.stringify({ query: '{ viewer { email } }', variables: { pad: 'x'.repeat(ctx.bodyLimitBytes + random.int(1, 50_000)) } }),
      );
    case 'notAnObject':
      return request(random.pick(['"a string"', '42', 'null', 'true', '[]', '[1,2]']));
    case 'wrongShapes':
      return request(
        JSON.stringify(
          random.pick<Record<string, unknown>>([
            { query: 42 },
            { query: ['{ viewer { email } }'] },
            { query: '{ viewer { email } }', variables: 'not an object' },
            { query: '{ viewer { email } }', operationName: 42 },
            { query: '{ viewer { email } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } },
            { variables: { input: {} } },
            { query: '' },
            { query: null },
          ]),
        ),
      );
    case 'method':
      return request(valid, json, random.pick(['PUT', 'DELETE', 'PATCH']));
    default:
      return request('', json);
  }
}

/**
 * The next step of a report's handling, by a social worker of its district,
 * with hostile free text: so that every write path stores injection strings
 * and odd Unicode, not only the first one.
 */
function workflow(ctx: GeneratorContext): OperationRequest | null {
  const { random, fixtures } = ctx;
  if (!fixtures.reportStates.length) return null;
  const report = random.pick(fixtures.reportStates);
  const handlers = fixtures.users.filter(
    (u) => u.districtIds.includes(report.districtId) && u.roles.some((r) => r === 'SOCIAL_WORKER' || r === 'SOCIAL_SERVICES_SUPERVISOR'),
  );
  if (!handlers.length) return null;
  const user = random.pick(handlers);
  const text = () => random.pick(ALL_TEXT);
  let step: { name: string; type: string; variables: Record<string, unknown> };
  if (!report.protectionAssessed) {
    step = {
      name: 'recordProtectionAssessment',
      type: 'ProtectionAssessmentInput',
      variables: { reportId: report.id, acuteDanger: random.chance(0.2), note: text() },
    };
  } else if (!report.decided) {
    const decision = random.pick(['OPEN_INVESTIGATION', 'NO_INVESTIGATION', 'ALREADY_ONGOING']);
    step = {
      name: 'recordPreliminaryAssessment',
      type: 'PreliminaryAssessmentInput',
      variables: {
        reportId: report.id,
        decision,
        ...(random.chance(0.5) ? { lateReason: 'OTHER_EXCEPTIONAL', lateReasonText: text() } : {}),
      },
    };
  } else if (report.investigationRunning && random.chance(0.6)) {
    const newDueAt = new Date(ctx.now.getTime() + random.int(200, 700) * DAY_MS).toISOString();
    step = {
      name: 'extendInvestigation',
      type: 'ExtendInvestigationInput',
      variables: { reportId: report.id, reason: 'OTHER_EXCEPTIONAL', reasonText: text(), newDueAt },
    };
  } else if (report.investigationRunning && random.chance(0.5)) {
    const outcome = random.pick(['MEASURES_DECIDED', 'NO_MEASURES_NEEDED', 'FAMILY_DECLINED', 'CARE_ORDER_APPLIED', 'TRANSFERRED']);
    step = {
      name: 'closeInvestigation',
      type: 'CloseInvestigationInput',
      variables: { reportId: report.id, outcome, closedAt: ctx.now.toISOString() },
    };
  } else if (!report.feedbackGiven && report.reporterAgency && random.chance(0.7)) {
    return {
      kind: 'workflow:sendFeedback',
      via: 'operation',
      mustReject: false,
      as: { email: user.email },
      query: 'mutation($reportId: ID!) { sendFeedback(reportId: $reportId) { id feedbackStatus } }',
      variables: { reportId: report.id },
    };
  } else {
    step = { name: 'assignReport', type: 'AssignReportInput', variables: { reportId: report.id, userId: random.pick(handlers).id } };
  }
  const selection =
    'id description protectionNote lateReason lateReasonText investigationExtensions { reason reasonText newDueAt decidedBy { displayName } } investigationClosedAt investigationOutcome preliminaryDecision responsible { id displayName } deadlines { kind status dueAt }';
  return {
    kind: `workflow:${step.name}`,
    via: 'operation',
    mustReject: false,
    as: { email: user.email },
    query: `mutation($input: ${step.type}!) { ${step.name}(input: $input) { ${selection} } }`,
    variables: { input: step.variables },
  };
}

/**
 * A query that nests lists as deep as the depth limit lets it, at full page size. Its cost is computed as the
 * server does (with the introspected schema, which knows no declared list maxima, so never above the server's
 * count): over the limit it must be refused, under it it may run.
 */
function listNest(ctx: GeneratorContext, policy: CallPolicy): OperationRequest {
  const b = build(ctx, policy, (op) => op.kind === 'query' && isObjectType(getNamedType(op.field.type)));
  if (b.op.field.args.some((a) => a.name === 'first')) b.variables.first = 100;
  const query = operationText(
    b.op.kind,
    b.op.field,
    b.variables,
    listSelection(getNamedType(b.op.field.type), ctx.random, ctx.maxDepth - 2),
  );
  const document = parse(query);
  const cost = operationCost(ctx.schema, document, document.definitions[0] as OperationDefinitionNode, b.variables);
  const over = cost > ctx.maxCost;
  return operation(`listNest:${over ? 'overCost' : 'underCost'}`, b, over, undefined, query);
}

/** Plausible requests with hostile values: they may be accepted, and must never fail or leak. */
export function mixed(ctx: GeneratorContext, policy: CallPolicy): FuzzRequest {
  const { random } = ctx;
  const kind = random.weighted<string>([
    ['query', 10],
    ['mutation', 10],
    ['workflow', 4],
    ['anyUser', 3],
    ['introspection', 1],
    ['http', 3],
    ['listNest', 2],
  ]);
  if (kind === 'listNest') return listNest(ctx, policy);
  if (kind === 'workflow') {
    const step = workflow(ctx);
    if (step) return step;
  }
  if (kind === 'introspection') {
    const email = random.chance(0.5) ? random.pick(ctx.fixtures.users).email : undefined;
    const query = random.pick(['{ __schema { types { name } } }', '{ __type(name: "Child") { fields { name } } }', '{ __typename }']);
    return {
      kind: 'mixed:introspection',
      via: 'operation',
      mustReject: false,
      as: email ? { email } : { authorization: undefined },
      query,
    };
  }
  const b = build(
    ctx,
    policy,
    (op) => (kind === 'query' ? op.kind === 'query' : kind === 'mutation' || kind === 'workflow' ? op.kind === 'mutation' : true),
    kind !== 'anyUser',
  );
  if (kind === 'http') {
    const query = operationText(b.op.kind, b.op.field, b.variables, b.selection);
    if (b.op.kind === 'query' && random.chance(0.3)) {
      const search = new URLSearchParams({ query, variables: JSON.stringify(b.variables) });
      return {
        kind: 'mixed:httpGet',
        via: 'http',
        mustReject: false,
        method: 'GET',
        path: `/graphql?${search}`,
        headers: { 'apollo-require-preflight': 'true' },
        email: b.user.email,
      };
    }
    return {
      kind: 'mixed:httpPost',
      via: 'http',
      mustReject: false,
      method: 'POST',
      path: '/graphql',
      headers: {
        'content-type': 'application/json',
        'x-request-id': random.pick(['fuzz-request-0001', '<script>', 'x'.repeat(200), '../../etc']),
      },
      body: JSON.stringify({ query, variables: b.variables }),
      email: b.user.email,
    };
  }
  return operation(`mixed:${kind}:${b.op.field.name}`, b, false);
}

/** Requests that every correct server refuses. */
export async function mustReject(ctx: GeneratorContext, policy: CallPolicy): Promise<FuzzRequest> {
  const choice = ctx.random.weighted<string>([
    ['poison', 6],
    ['structural', 3],
    ['http', 1.5],
  ]);
  if (choice === 'poison') return poisonedOperation(ctx, policy);
  if (choice === 'structural') return structuralReject(ctx, policy);
  return httpReject(ctx, policy);
}

/** The same submission again under the same key, with other content: the first result, and no new rows. */
export function replay(original: OperationRequest, expectId: string, random: Random): OperationRequest {
  const variables = JSON.parse(JSON.stringify(original.variables ?? {})) as Record<string, Record<string, unknown>>;
  // The same key with another input is another report: it must be refused (CONFLICT), never answered with the first.
  if (variables.input && random.chance(0.5)) {
    variables.input.description = `${random.pick(ALL_TEXT)} (replay)`;
    return { ...original, kind: 'replay:changed', mustReject: true, variables, replayable: undefined };
  }
  return { ...original, kind: 'replay', mustReject: false, variables, replayable: undefined, expectId };
}
