import { AccessPolicy, ModuleAccess, OperationPolicy, TypePolicy } from '../../domain/access/policy';

/**
 * THE access policy, folded from every module's part (its `*.policy.ts`). Every GraphQL object type and root
 * operation is listed by some module; anything missing is denied at run time and fails the access-matrix test.
 * `docs/access-matrix.md` is generated from this table. Two modules claiming one type or operation is a start-up error.
 */
export function policyTable(parts: readonly ModuleAccess[]): AccessPolicy {
  const types = new Map<string, TypePolicy>();
  for (const policy of parts.flatMap((part) => part.types ?? [])) {
    if (types.has(policy.type)) throw new Error(`Two modules define the policy of ${policy.type}`);
    types.set(policy.type, policy);
  }
  return Object.freeze({
    types,
    operations: Object.freeze({
      Query: operations(
        'Query',
        parts.map((part) => part.queries),
      ),
      Mutation: operations(
        'Mutation',
        parts.map((part) => part.mutations),
      ),
    }),
  });
}

function operations(root: string, policies: readonly (OperationPolicy | undefined)[]): OperationPolicy {
  const merged: Record<string, OperationPolicy[string]> = {};
  for (const [name, roles] of policies.flatMap((policy) => Object.entries(policy ?? {}))) {
    if (name in merged) throw new Error(`Two modules define the policy of ${root}.${name}`);
    merged[name] = roles;
  }
  return Object.freeze(merged);
}
