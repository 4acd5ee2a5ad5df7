import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { applyAccessPolicy } from './access/access-schema';
import { ApiRegistry } from './context';
import { useFieldLabels } from './errors/validation-messages';
import { validateArguments } from './security/validate-arguments';

const built = new WeakMap<object, Promise<GraphQLSchema>>();

/** The schema of the modules' resolvers with their policy applied; built once per registry. */
export function buildAppSchema(registry: Pick<ApiRegistry, 'resolvers' | 'access' | 'fieldLabels'>): Promise<GraphQLSchema> {
  useFieldLabels(registry.fieldLabels);
  let schema = built.get(registry);
  if (!schema) {
    schema = buildSchema({ resolvers: registry.resolvers, validateFn: validateArguments }).then((s) =>
      applyAccessPolicy(s, registry.access),
    );
    built.set(registry, schema);
  }
  return schema;
}
