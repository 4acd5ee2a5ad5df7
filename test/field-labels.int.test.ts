import { getNamedType, GraphQLInputObjectType, GraphQLSchema, isInputObjectType } from 'graphql';
import { buildAppSchema } from '../api/schema';
import { REGISTRY } from '../app/registry';
import { createTestApp, TestApp } from './helpers/test-app';

/** Issue 10: messages speak to people, with field names from one catalogue the web app reuses. */
function mutationInputFields(schema: GraphQLSchema): string[] {
  const seen = new Set<string>();
  const fields: string[] = [];
  const visit = (type: GraphQLInputObjectType) => {
    if (seen.has(type.name)) return;
    seen.add(type.name);
    for (const field of Object.values(type.getFields())) {
      fields.push(`${type.name}.${field.name}`);
      const inner = getNamedType(field.type);
      if (isInputObjectType(inner)) visit(inner);
    }
  };
  for (const mutation of Object.values(schema.getMutationType()!.getFields())) {
    for (const arg of mutation.args) {
      const type = getNamedType(arg.type);
      if (isInputObjectType(type)) visit(type);
      else fields.push(`${mutation.name}(${arg.name})`);
    }
  }
  return fields;
}

describe('the field label catalogue, folded from the module descriptors', () => {
  it('labels every input field of every mutation in Swedish and English', async () => {
    const fields = mutationInputFields(await buildAppSchema(REGISTRY));
    const name = (field: string) => /\(([^)]+)\)$/.exec(field)?.[1] ?? field.split('.').pop()!;
    const labels = REGISTRY.fieldLabels;
    const missing = fields.filter((field) => !Object.hasOwn(labels, name(field)));
    expect(missing).toEqual([]);
    for (const [field, label] of Object.entries(labels)) {
      expect({ field, sv: label.sv.trim().length > 0, en: label.en.trim().length > 0 }).toEqual({ field, sv: true, en: true });
    }
    console.log(`field labels: ${fields.length} mutation input fields, ${Object.keys(labels).length} labels`);
  });
});

describe('refused input names the field as a person reads it', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('says "Beskrivning måste fyllas i." for a blank description, never the argument path', async () => {
    const result = await app.as('larare.norr@samverka.test', `mutation($i: FlagConcernInput!) { flagConcern(input: $i) { id } }`, {
      i: {
        child: { givenName: 'Ada', familyName: 'Testsson' },
        category: 'OTHER',
        description: '  \n ',
        feedbackRequested: false,
        idempotencyKey: 'labels-blank-1',
      },
    });
    expect(result.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.description',
      messages: { sv: 'Beskrivning måste fyllas i.', en: 'Fill in the description.' },
    });
    expect(result.errors?.[0].message).toBe('Fill in the description.');
  });

  it('names a nested field by its label too', async () => {
    const result = await app.as('larare.norr@samverka.test', `mutation($i: FlagConcernInput!) { flagConcern(input: $i) { id } }`, {
      i: {
        child: { givenName: 'x'.repeat(201), familyName: 'Testsson' },
        category: 'OTHER',
        description: 'Oro.',
        feedbackRequested: false,
        idempotencyKey: 'labels-long-1',
      },
    });
    expect(result.errors?.[0].extensions).toMatchObject({
      field: 'input.child.givenName',
      messages: { sv: 'Förnamn får vara högst 200 tecken.', en: 'The given name can be at most 200 characters.' },
    });
  });
});
