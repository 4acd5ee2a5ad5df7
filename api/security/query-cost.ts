import { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  isAbstractType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  valueFromAST,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';

/**
 * A list field without a `first` argument declares the most items it returns as `@Extensions({ maxItems })`;
 * one that declares nothing is counted at this many.
 */
export const DEFAULT_LIST_ITEMS = 20;

/** An object costs its loading and its resolving; a scalar its resolving. */
const OBJECT_COST = 2;
const SCALAR_COST = 1;

/** The name of the field extension a list declares its maximum under. */
export const MAX_ITEMS = 'maxItems';

interface Walk {
  readonly schema: GraphQLSchema;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Readonly<Record<string, unknown>>;
}

/** How many items a field can return: its `first` argument, else the list's declared maximum, else one object. */
function itemsOf(walk: Walk, parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>, node: FieldNode): number {
  const firstArg = field.args.find((a) => a.name === 'first');
  if (firstArg) {
    const given = node.arguments?.find((a) => a.name.value === 'first');
    const value =
      (given ? valueFromAST(given.value, firstArg.type, walk.variables as Record<string, unknown>) : undefined) ?? firstArg.defaultValue;
    return typeof value === 'number' && value > 1 ? value : 1;
  }
  // A connection's page size is counted at the connection field, not again at its edges.
  if (!isListType(getNullableType(field.type)) || parent.name.endsWith('Connection')) return 1;
  const declared = field.extensions?.[MAX_ITEMS];
  return typeof declared === 'number' ? declared : DEFAULT_LIST_ITEMS;
}

/** What a selection resolves: each leaf, and each object field times the items it can return. */
function selectionCost(walk: Walk, parent: GraphQLNamedType, selectionSet: SelectionSetNode): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments.get(selection.name.value);
      const type = fragment && walk.schema.getType(fragment.typeCondition.name.value);
      if (fragment && type) cost += selectionCost(walk, type, fragment.selectionSet);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      if (type) cost += selectionCost(walk, type, selection.selectionSet);
    } else {
      const field = isObjectType(parent) || isAbstractType(parent) ? fieldOf(parent, selection.name.value) : undefined;
      if (!field || !selection.selectionSet) {
        cost += SCALAR_COST;
        continue;
      }
      cost +=
        itemsOf(walk, parent, field, selection) * (OBJECT_COST + selectionCost(walk, getNamedType(field.type), selection.selectionSet));
    }
  }
  return cost;
}

function fieldOf(parent: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  return 'getFields' in parent ? (parent.getFields() as Record<string, GraphQLField<unknown, unknown>>)[name] : undefined;
}

/** An upper bound on the objects and fields an operation can resolve, with its variables: its cost. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): number {
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return 0;
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  // Coerced with the operation's own defaults; variables that do not coerce fail later, and count as absent here.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables).coerced ?? {};
  return selectionCost({ schema, fragments, variables: coerced }, root, operation.selectionSet);
}

/**
 * Refuses an operation whose cost is above `maxCost`, after its variables are known: a page size sent as a
 * variable counts as much as one written in the query. graphql-armor's cost rule sees neither variables nor
 * the list types, so a list nested in a list cost it nothing.
 */
export function queryCostLimit(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, response }) {
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables ?? {});
          if (cost <= maxCost) return;
          response.http.status = 400;
          throw new GraphQLError(
            `Cost limit of ${maxCost} exceeded: the query could resolve ${Math.round(cost)} fields and objects. Ask for fewer fields or a smaller page (first).`,
            { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', http: { status: 400 } } },
          );
        },
      };
    },
  };
}
