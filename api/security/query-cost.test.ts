import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DocumentNode,
  getNamedType,
  getNullableType,
  GraphQLSchema,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  parse,
  validate,
} from 'graphql';
import { buildAppSchema } from '../schema';
import { REGISTRY } from '../../app/registry';
import { DEFAULT_LIST_ITEMS, operationCost } from './query-cost';

/** The default GRAPHQL_MAX_COST (platform/config.ts). */
const MAX_COST = 50_000;

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildAppSchema(REGISTRY);
});

function costOf(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  expect(validate(schema, document)).toEqual([]);
  return costOfDocument(document, variables);
}

function costOfDocument(document: DocumentNode, variables: Record<string, unknown>): number {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  return operationCost(schema, document, operation, variables);
}

/** Object types a type's fields lead to, transitively. */
function reachable(from: string): Set<string> {
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length) {
    const type = schema.getType(stack.pop()!);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const next = getNamedType(field.type).name;
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

describe('lists that nest again', () => {
  it('Report.earlierReports returns a flat type: the 8-deep attack does not validate', () => {
    const attack = `query($id: ID!) { report(id: $id) { ${'earlierReports { id '.repeat(8)}${'}'.repeat(8)} } }`;
    const errors = validate(schema, parse(attack));
    expect(errors.map((e) => e.message)).toContainEqual(
      expect.stringMatching(/Cannot query field "earlierReports" on type "EarlierReport"/),
    );
  });

  it('no list field leads back to the type that holds it', () => {
    const cycles: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type.name === 'Query' || type.name === 'Mutation') continue;
      for (const field of Object.values(type.getFields())) {
        if (!isListType(getNullableType(field.type))) continue;
        if (reachable(getNamedType(field.type).name).has(type.name)) cycles.push(`${type.name}.${field.name}`);
      }
    }
    expect(cycles).toEqual([]);
  });
});

describe('operationCost', () => {
  const page = (first: string) =>
    `${first === '$n' ? 'query($n: Int!)' : ''} { intakeQueue(first: ${first}) { edges { node { id reference deadlines { id dueAt } } } } }`;

  it('counts a page size sent as a variable like one written in the query', () => {
    expect(costOf(page('$n'), { n: 100 })).toBe(costOf(page('100')));
    expect(costOf(page('$n'), { n: 100 })).toBeGreaterThan(4 * costOf(page('$n'), { n: 20 }));
  });

  it('counts a list without a page size at its declared maximum, else at the default', () => {
    const trail = costOf(
      `{ auditTrail(childId: "0b8f5c1e-9d2a-4c8e-8f00-1234567890ab", from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z") { id } }`,
    );
    expect(trail).toBe(1_000 * (2 + 1));
    expect(costOf(`{ viewer { id } districts { id } }`)).toBe(2 + 1 + DEFAULT_LIST_ITEMS * (2 + 1));
  });

  it('keeps every page of the web app under the limit', () => {
    const source = readFileSync(join(__dirname, '../../web/src/gql/gql.ts'), 'utf8');
    const documents = [...source.matchAll(/^ {4}("(?:[^"\\]|\\.)*"): typeof types\./gm)].map((m) => parse(JSON.parse(m[1]) as string));
    const fragments = documents.flatMap((d) => d.definitions.filter((def) => def.kind === 'FragmentDefinition'));
    const operations = documents.flatMap((d) =>
      d.definitions.filter((def): def is OperationDefinitionNode => def.kind === 'OperationDefinition'),
    );
    expect(operations.length).toBeGreaterThan(20);
    const costs = operations.map((operation) => ({
      operation: operation.name?.value,
      cost: costOfDocument({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] }, { first: 20 }),
    }));
    expect(costs.filter((c) => c.cost > MAX_COST)).toEqual([]);
  });
});
