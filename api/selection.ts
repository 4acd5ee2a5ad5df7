import {
  FieldNode,
  GraphQLIncludeDirective,
  GraphQLResolveInfo,
  GraphQLSkipDirective,
  Kind,
  SelectionSetNode,
  getDirectiveValues,
} from 'graphql';

type Selectable = Parameters<typeof getDirectiveValues>[1];

function included(node: Selectable, variables: GraphQLResolveInfo['variableValues']): boolean {
  if (!node.directives?.length) return true;
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/** The field nodes a selection set holds for an object of `typeName`, through fragments, honouring @skip and @include. */
function fieldsOf(
  set: SelectionSetNode | undefined,
  typeName: string,
  info: GraphQLResolveInfo,
  out: FieldNode[],
  seen: Set<string>,
): void {
  for (const selection of set?.selections ?? []) {
    if (!included(selection, info.variableValues)) continue;
    if (selection.kind === Kind.FIELD) {
      out.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (!selection.typeCondition || selection.typeCondition.name.value === typeName)
        fieldsOf(selection.selectionSet, typeName, info, out, seen);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = info.fragments[selection.name.value];
      if (fragment && fragment.typeCondition.name.value === typeName) fieldsOf(fragment.selectionSet, typeName, info, out, seen);
    }
  }
}

/**
 * The names of the fields the operation selects below the current field, following
 * `path` through object fields: `[['ReportConnection', 'edges'], ['ReportEdge', 'node'], ['Report']]`
 * gives the fields of each report of a connection. Meta fields (`__typename`) are left out.
 */
export function selectedFieldNames(info: GraphQLResolveInfo, path: readonly (readonly [typeName: string, field?: string])[]): Set<string> {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const [typeName, field] of path) {
    const children: FieldNode[] = [];
    const seen = new Set<string>();
    for (const node of nodes) fieldsOf(node.selectionSet, typeName, info, children, seen);
    if (field === undefined) return new Set(children.map((c) => c.name.value).filter((name) => !name.startsWith('__')));
    nodes = children.filter((c) => c.name.value === field);
  }
  return new Set();
}
