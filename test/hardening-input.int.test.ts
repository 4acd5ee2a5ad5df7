/**
 * Input validation on every argument of the live schema: every id, every
 * text field, dates, numbers, enums and personal identity numbers. A bad
 * value is BAD_USER_INPUT naming the field in Swedish and English, never an
 * internal error, and changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { fieldLabel } from '../domain/messages/field-labels';
import {
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputField,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { buildAppSchema } from '../api/schema';
import { DEMO_USERS } from '../db/seed/demo-seed';
import { REGISTRY } from '../app/registry';
import { createTestApp, TestApp } from './helpers/test-app';

let app: TestApp;
let schema: GraphQLSchema;
let districtId: string;
let childId: string;
let childNumber: string;
/** No demo user is a case-system client: one is registered, so submitReport's arguments are tried too. */
let intakeClient: string;

beforeAll(async () => {
  app = await createTestApp();
  schema = await buildAppSchema(REGISTRY);
  districtId = await app.idOf('district', `code = 'norr'`, []);
  [{ id: childId, pnr: childNumber }] = await app.sql(
    `SELECT c.id, c.personal_identity_number AS pnr FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'norr' ORDER BY c.id LIMIT 1`,
  );
  const policeAgencyId = await app.idOf('agency', `name = 'Lokalpolisområde Norr'`, []);
  const registered = await app.as(
    'admin@samverka.test',
    `mutation($input: RegisterIntakeClientInput!) { registerIntakeClient(input: $input) { email } }`,
    { input: { agencyId: policeAgencyId, subject: 'hardening-input-client', displayName: 'Polisens testsystem' } },
  );
  intakeClient = registered.data!.registerIntakeClient.email;
});

afterAll(() => app.close());

/** A demo user whose role may call the operation, so the request gets past the access check to the arguments. */
function callerOf(root: 'Query' | 'Mutation', operation: string): string {
  const roles = REGISTRY.access.operations[root][operation];
  const user =
    DEMO_USERS.find((u) => u.district === 'norr' && u.roles.some((r) => roles.includes(r))) ??
    DEMO_USERS.find((u) => u.roles.some((r) => roles.includes(r)));
  return user?.email ?? intakeClient;
}

/** A value that passes every rule, so the one we spoil is the only problem. */
function validValue(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return validValue(type.ofType, name);
  if (isListType(type)) return [validValue(type.ofType, name)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, validValue(f.type, f.name)]),
    );
  }
  if (!isScalarType(type)) return null;
  switch (type.name) {
    case 'ID':
      return /district/i.test(name) ? districtId : /child/i.test(name) ? childId : randomUUID();
    case 'Int':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTime':
      return '2026-11-20T08:00:00Z';
    default:
      return name === 'month' ? '2026-11' : name === 'idempotencyKey' ? `key-${randomUUID()}` : 'Giltig text';
  }
}

interface Target {
  readonly root: 'Query' | 'Mutation';
  readonly operation: string;
  /** Dotted path from the argument, e.g. input.child.givenName. */
  readonly path: string;
  readonly type: string;
}

/** Every scalar argument and input field of one kind, anywhere in the schema. */
function targets(scalar: 'ID' | 'String' | 'DateTime'): Target[] {
  const found: Target[] = [];
  const visit = (root: Target['root'], operation: string, path: string, field: GraphQLArgument | GraphQLInputField, depth: number) => {
    const named = getNamedType(field.type);
    if (isScalarType(named) && named.name === scalar) found.push({ root, operation, path, type: String(field.type) });
    // A list of input objects is addressed through its first item: input.agencyGoals.0.agencyId.
    const item = isListType(isNonNullType(field.type) ? field.type.ofType : field.type) ? '.0' : '';
    if (isInputObjectType(named) && depth < 3)
      for (const inner of Object.values(named.getFields())) visit(root, operation, `${path}${item}.${inner.name}`, inner, depth + 1);
  };
  for (const root of ['Query', 'Mutation'] as const) {
    const fields = (root === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields();
    for (const field of Object.values(fields) as GraphQLField<unknown, unknown>[])
      for (const arg of field.args) visit(root, field.name, arg.name, arg, 0);
  }
  return found;
}

/** The operation with valid arguments everywhere except `spoilt` at `path`. */
function request(target: Target, spoilt: unknown) {
  const field = (target.root === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields()[target.operation];
  const variables: Record<string, unknown> = Object.fromEntries(field.args.map((a) => [a.name, validValue(a.type, a.name)]));
  const [head, ...rest] = target.path.split('.');
  let holder: Record<string, unknown> = variables;
  let key = head;
  let type: GraphQLInputType = field.args.find((a) => a.name === head)!.type;
  for (const part of rest) {
    // Optional input objects on the way get their required fields too, so the spoilt value is the only problem.
    holder[key] ??= validValue(type, key);
    holder = holder[key] as Record<string, unknown>;
    key = part;
    const named = getNamedType(type);
    if (!/^\d+$/.test(part) && isInputObjectType(named)) type = named.getFields()[part].type;
    else type = named;
  }
  holder[key] = spoilt;
  const definitions = field.args.map((a) => `$${a.name}: ${a.type}`).join(', ');
  const call = field.args.length ? `(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  const keyword = target.root === 'Query' ? 'query' : 'mutation';
  return { query: `${keyword}${definitions ? `(${definitions})` : ''} { ${target.operation}${call} { __typename } }`, variables };
}

const label = (t: Target) => `${t.root}.${t.operation}(${t.path}: ${t.type})`;

async function expectRefused(target: Target, spoilt: unknown, message: RegExp) {
  const { query, variables } = request(target, spoilt);
  const result = await app.as(callerOf(target.root, target.operation), query, variables);
  const error = result.errors?.[0];
  expect({ target: label(target), code: error?.extensions?.code, field: error?.extensions?.field }).toEqual({
    target: label(target),
    code: 'BAD_USER_INPUT',
    field: target.path,
  });
  // The Swedish message names the field by its label from the catalogue (the path only when it has none).
  expect(error?.extensions?.messages).toEqual({
    en: expect.stringMatching(message),
    sv: expect.stringContaining(fieldLabel(target.path, REGISTRY.fieldLabels)?.sv ?? target.path),
  });
  expect(error?.message).toBe(error?.extensions?.messages.en);
}

const APP_TABLES = [
  'child',
  'guardian',
  'report',
  'deadline',
  'deadline_step',
  'idempotency_key',
  'district',
  'district_policy',
  'app_user',
  'agency',
];

async function checksum(): Promise<string> {
  const parts = await Promise.all(
    APP_TABLES.map((t) => app.sql(`SELECT md5(coalesce(string_agg(t::text, '' ORDER BY t::text), '')) AS h FROM ${t} t`)),
  );
  return parts.map(([{ h }]) => h).join(',');
}

describe('ids', () => {
  it('covers every ID argument and input field of the schema', () => {
    const all = targets('ID').map(label);
    for (const expected of [
      'Query.child(id: ID!)',
      'Query.report(id: ID!)',
      'Query.auditTrail(childId: ID!)',
      'Query.accessLog(userId: ID!)',
      'Query.auditSample(districtId: ID!)',
      'Mutation.markNotificationRead(id: ID!)',
      'Mutation.sendFeedback(reportId: ID!)',
      'Mutation.createChild(input.districtId: ID!)',
      'Mutation.assignReport(input.userId: ID!)',
    ]) {
      expect(all).toContain(expected);
    }
  });

  it.each(["1' OR '1'='1", 'not-a-uuid', '00000000-0000-0000-0000-00000000000g', '12345', `${randomUUID()}\u0000`, ''])(
    'refuses %j in every ID position with BAD_USER_INPUT naming it, before it reaches PostgreSQL',
    async (bad) => {
      const before = await checksum();
      for (const target of targets('ID')) await expectRefused(target, bad, /must be an id from Samverka \(a UUID\)/);
      expect(await checksum()).toBe(before);
    },
  );

  it('still answers NOT_FOUND for a well-formed id that does not exist', async () => {
    const result = await app.as('socsek.norr@samverka.test', `query($id: ID!) { child(id: $id) { id } }`, { id: randomUUID() });
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('text', () => {
  const cases: [string, string, RegExp][] = [
    ['NUL', 'Kim\u0000Andersson', /control characters/],
    ['an escape sequence', 'Kim\u001b[31mAndersson', /control characters/],
    ['a text-direction override', 'Kim \u202Enosredna', /control characters/],
    ['a lone surrogate', 'Kim \uD800 Andersson', /broken characters/],
    ['20,000 characters', 'x'.repeat(20_000), /at most \d+ characters/],
  ];

  it.each(cases)('refuses %s in every String position', async (_case, bad, message) => {
    const before = await checksum();
    for (const target of targets('String')) await expectRefused(target, bad, message);
    expect(await checksum()).toBe(before);
  });

  it('keeps names to one line of at most 200 characters and descriptions to 10,000', async () => {
    const create = `mutation($input: CreateChildInput!) { createChild(input: $input) { givenName } }`;
    const child = (givenName: string) => ({ input: { givenName, familyName: 'Testsson', districtId } });
    expect((await app.as('socsek.norr@samverka.test', create, child('A'.repeat(201)))).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.givenName',
      messages: { en: 'The given name can be at most 200 characters.', sv: 'Förnamn får vara högst 200 tecken.' },
    });
    expect((await app.as('socsek.norr@samverka.test', create, child('Anna\nBerit'))).errors?.[0].extensions).toMatchObject({
      field: 'input.givenName',
      messages: { en: 'The given name must be a single line: remove line breaks and tabs.' },
    });
    const ok = await app.as('socsek.norr@samverka.test', create, child(`${'Å'.repeat(199)}😀`));
    expect(ok.errors).toBeUndefined();

    const flag = `mutation($i: FlagConcernInput!) { flagConcern(input: $i) { id } }`;
    const concern = (description: string) => ({
      i: {
        child: { personalIdentityNumber: childNumber },
        category: 'OTHER',
        description,
        feedbackRequested: false,
        idempotencyKey: `key-${randomUUID()}`,
      },
    });
    expect((await app.as('larare.norr@samverka.test', flag, concern('x'.repeat(10_001)))).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.description',
      messages: { sv: 'Beskrivning får vara högst 10000 tecken.' },
    });
    expect((await app.as('larare.norr@samverka.test', flag, concern(`Rad ett\nRad två\t${'x'.repeat(9_980)}`))).errors).toBeUndefined();
  });

  it('trims whitespace, so a blank name is missing', async () => {
    const create = `mutation($input: CreateChildInput!) { createChild(input: $input) { givenName familyName } }`;
    const blank = await app.as('socsek.norr@samverka.test', create, { input: { givenName: ' \t ', familyName: 'Testsson', districtId } });
    expect(blank.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.givenName',
      messages: { en: 'Fill in the given name.', sv: 'Förnamn måste fyllas i.' },
    });
    const padded = await app.as('socsek.norr@samverka.test', create, {
      input: { givenName: '  Ada ', familyName: ' Lovelace\n', districtId },
    });
    expect(padded.data.createChild).toEqual({ givenName: 'Ada', familyName: 'Lovelace' });
  });

  it('accepts right-to-left scripts, emoji and SQL-looking text as text, stored as sent', async () => {
    const create = `mutation($input: CreateChildInput!) { createChild(input: $input) { id givenName familyName } }`;
    for (const [givenName, familyName] of [
      ['مريم', 'עברית'],
      ['Zoë 👩‍👧', "O'Brien"],
      ["Robert'); DROP TABLE child;--", '<script>alert(1)</script>'],
    ]) {
      const result = await app.as('socsek.norr@samverka.test', create, { input: { givenName, familyName, districtId } });
      expect(result.data.createChild).toMatchObject({ givenName, familyName });
      const [row] = await app.sql(`SELECT given_name, family_name FROM child WHERE id = $1`, [result.data.createChild.id]);
      expect(row).toEqual({ given_name: givenName, family_name: familyName });
    }
  });
});

describe('dates', () => {
  it.each(['1850-01-01T00:00:00Z', '2150-01-01T00:00:00Z', '0001-01-01T00:00:00Z'])(
    'refuses %s in every DateTime position',
    async (bad) => {
      for (const target of targets('DateTime')) await expectRefused(target, bad, /between the years 1900 and 2100/);
    },
  );

  it('refuses a submission time in the future, where the past is required', async () => {
    const result = await app.as('larare.norr@samverka.test', `mutation($i: FlagConcernInput!) { flagConcern(input: $i) { id } }`, {
      i: {
        child: { personalIdentityNumber: childNumber },
        category: 'OTHER',
        description: 'Framtid.',
        feedbackRequested: false,
        idempotencyKey: `key-${randomUUID()}`,
        submittedAt: '2026-11-24T08:00:00Z',
      },
    });
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.submittedAt',
      messages: { sv: expect.any(String) },
    });
  });

  it('refuses a string that is not a date, naming the field and not echoing the value', async () => {
    const result = await app.as(
      'chef.norr@samverka.test',
      `query($from: DateTime!) { auditTrail(childId: "${childId}", from: $from, to: "2026-11-23T00:00:00Z") { id } }`,
      { from: '20121224-1236' },
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'from',
      messages: { en: 'The start must be a valid DateTime.' },
    });
    expect(JSON.stringify(result)).not.toContain('20121224');
  });
});

describe('numbers, enums, identity numbers and cursors', () => {
  it('keeps page sizes to 1–100', async () => {
    for (const first of [0, 101, -5]) {
      const result = await app.as('socsek.norr@samverka.test', `query($first: Int!) { children(first: $first) { edges { cursor } } }`, {
        first,
      });
      expect(result.errors?.[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'first',
        messages: { en: 'The number of items must be a whole number from 1 to 100.', sv: 'Antal ska vara ett heltal från 1 till 100.' },
      });
    }
    expect((await app.as('socsek.norr@samverka.test', `{ children(first: 100) { edges { cursor } } }`)).errors).toBeUndefined();
  });

  it('refuses an unknown enum value, naming the field', async () => {
    const result = await app.as('larare.norr@samverka.test', `mutation($i: FlagConcernInput!) { flagConcern(input: $i) { id } }`, {
      i: {
        child: { personalIdentityNumber: childNumber },
        category: 'DROP_TABLE',
        description: 'x',
        feedbackRequested: false,
        idempotencyKey: `key-${randomUUID()}`,
      },
    });
    expect(result.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.category',
      messages: { en: 'The category must be one of the ReportCategory values.', sv: 'Kategori ska vara ett av värdena i ReportCategory.' },
    });
    expect(JSON.stringify(result)).not.toContain('DROP_TABLE');
  });

  it.each(['abc', '20121315-1236', '201203151237', '1'.repeat(21)])('refuses the personal identity number %s', async (pnr) => {
    const result = await app.as('socsek.norr@samverka.test', `mutation($input: CreateChildInput!) { createChild(input: $input) { id } }`, {
      input: { personalIdentityNumber: pnr, givenName: 'Test', familyName: 'Testsson', districtId },
    });
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.personalIdentityNumber',
      messages: { en: expect.any(String), sv: expect.any(String) },
    });
  });

  it('refuses forged cursors, which used to reach PostgreSQL as uuid and timestamp parameters', async () => {
    const forge = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    for (const [operation, after] of [
      ['children', forge(['Andersson', 'not-a-uuid'])],
      ['children', forge(['An\u0000dersson', randomUUID()])],
      ['intakeQueue', forge(['yesterday', randomUUID()])],
      ['intakeQueue', forge(['2026-11-23T08:00:00.000Z', "' OR 1=1"])],
      ['intakeQueue', 'garbage'],
    ]) {
      const result = await app.as(
        'socsek.norr@samverka.test',
        `query($after: String) { ${operation}(first: 2, after: $after) { edges { cursor } } }`,
        { after },
      );
      expect({ operation, after, error: result.errors?.[0].extensions }).toEqual({
        operation,
        after,
        error: {
          code: 'BAD_USER_INPUT',
          field: 'after',
          messages: { en: expect.stringMatching(/cursor is not valid/), sv: expect.any(String) },
        },
      });
    }
    const page = await app.as('socsek.norr@samverka.test', `{ children(first: 2) { pageInfo { endCursor } } }`);
    const next = await app.as(
      'socsek.norr@samverka.test',
      `query($after: String) { children(first: 2, after: $after) { edges { cursor } } }`,
      { after: page.data.children.pageInfo.endCursor },
    );
    expect(next.errors).toBeUndefined();
  });

  it('refuses a school that is no agency of the municipality, which used to fail in PostgreSQL as a foreign key', async () => {
    const create = `mutation($input: CreateChildInput!) { createChild(input: $input) { school { name } } }`;
    const missing = await app.as('socsek.norr@samverka.test', create, {
      input: { givenName: 'Test', familyName: 'Testsson', districtId, schoolAgencyId: randomUUID() },
    });
    expect(missing.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.schoolAgencyId',
      messages: { en: 'Choose a school in your municipality.', sv: 'Välj en skola i din kommun.' },
    });
    const update = await app.as('socsek.norr@samverka.test', `mutation($input: UpdateChildInput!) { updateChild(input: $input) { id } }`, {
      input: { id: childId, schoolAgencyId: randomUUID() },
    });
    expect(update.errors?.[0].extensions?.field).toBe('input.schoolAgencyId');
    const schoolId = await app.idOf('agency', `name = 'Norrskolan'`, []);
    const ok = await app.as('socsek.norr@samverka.test', create, {
      input: { givenName: 'Test', familyName: 'Testsson', districtId, schoolAgencyId: schoolId },
    });
    expect(ok.data.createChild.school).toEqual({ name: 'Norrskolan' });
  });

  it('refuses invisible formatting characters in names, naming the field, and a name made only of them', async () => {
    const create = `mutation($input: CreateChildInput!) { createChild(input: $input) { id } }`;
    const before = await app.sql(`SELECT count(*)::int AS n FROM child`);
    for (const [givenName, familyName, field] of [
      ['Wilma', 'Ols\u200Bson', 'input.familyName'],
      ['\u200B\u200C\u200D', 'Olsson', 'input.givenName'],
    ]) {
      const result = await app.as('socsek.norr@samverka.test', create, { input: { givenName, familyName, districtId } });
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
        messages: { en: expect.stringMatching(/invisible characters/) },
      });
    }
    const guardian = await app.as(
      'socsek.norr@samverka.test',
      `mutation($input: AddGuardianInput!) { addGuardian(input: $input) { id } }`,
      { input: { childId, name: 'Kim\u2060 Olsson', relation: 'förälder' } },
    );
    expect(guardian.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(await app.sql(`SELECT count(*)::int AS n FROM child`)).toEqual(before);
  });

  it("refuses a police area or a youth centre as the child's school, and keeps the school", async () => {
    const [before] = await app.sql(`SELECT school_agency_id FROM child WHERE id = $1`, [childId]);
    for (const name of ['Lokalpolisområde Norr', 'Fritidsgården Norr']) {
      const agencyId = await app.idOf('agency', 'name = $1', [name]);
      const update = await app.as(
        'socsek.norr@samverka.test',
        `mutation($input: UpdateChildInput!) { updateChild(input: $input) { id } }`,
        { input: { id: childId, schoolAgencyId: agencyId } },
      );
      expect(update.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.schoolAgencyId',
        messages: { en: 'Choose a school in your municipality.' },
      });
    }
    expect(await app.sql(`SELECT school_agency_id FROM child WHERE id = $1`, [childId])).toEqual([before]);
  });

  it('gives a Swedish message for a district-policy problem too', async () => {
    const result = await app.as(
      'admin@samverka.test',
      `mutation($input: UpdateDistrictPolicyInput!) { updateDistrictPolicy(input: $input) { id } }`,
      { input: { districtId, feedbackDays: 0 } },
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.feedbackDays',
      messages: { en: expect.any(String), sv: expect.stringContaining('feedbackDays') },
    });
  });
});
