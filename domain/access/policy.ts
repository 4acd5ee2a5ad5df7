import { Condition, FactColumns, SqlFragment, SubjectFacts, conditionToSql, consentUsed, holds } from './conditions';
import { LegalBasis } from './legal-basis';
import { Role } from './roles';
import { ViewerScope, hasAnyRole } from './viewer-scope';

/**
 * One line of the policy: these roles may read (or call) when the condition
 * holds, and the data then reaches them under this legal basis. `basis` is
 * null only for data about no child (reference data, the viewer's own account).
 */
export interface Grant {
  readonly roles: readonly Role[];
  readonly when: Condition;
  readonly basis: LegalBasis | null;
}

export const grant = (roles: readonly Role[], when: Condition, basis: LegalBasis | null): Grant => Object.freeze({ roles, when, basis });

export type Decision =
  /** `consentId`: the consent the grant rested on, for the audit row (only present when one did). */
  { readonly allowed: true; readonly basis: LegalBasis | null; readonly consentId?: string } | { readonly allowed: false };

const DENIED: Decision = Object.freeze({ allowed: false });

/** First matching grant wins, so list the narrowest disclosure (SAME_AGENCY) first. */
export function decide(scope: ViewerScope, grants: readonly Grant[], facts: SubjectFacts): Decision {
  for (const g of grants) {
    if (hasAnyRole(scope, g.roles) && holds(g.when, scope, facts)) {
      const consentId = consentUsed(g.when, scope, facts);
      return consentId ? { allowed: true, basis: g.basis, consentId } : { allowed: true, basis: g.basis };
    }
  }
  return DENIED;
}

/**
 * The policy of one GraphQL object type. `fields` must name every field of the
 * type (enforced by `definePolicy`'s types and by the access-matrix test).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table holds every type's policy; definePolicy types each one
export interface TypePolicy<Row = any> {
  readonly type: string;
  /** Reads of a personal type are audited and need a legal basis. */
  readonly personal: boolean;
  /** Who may load the object at all; outside this the object is NOT_FOUND. */
  readonly rows: readonly Grant[];
  readonly facts: (row: Row) => SubjectFacts & { readonly entityId?: string | null; readonly childId?: string | null };
  readonly fields: { readonly [field: string]: readonly Grant[] };
}

/** Binds a policy to a GraphQL type class, so a field without a rule does not compile. */
export function definePolicy<T>() {
  return <Row extends T>(policy: {
    type: string;
    personal: boolean;
    rows: readonly Grant[];
    facts: TypePolicy<Row>['facts'];
    fields: { readonly [F in Exclude<keyof T, symbol>]-?: readonly Grant[] };
  }): TypePolicy<Row> => {
    const personalWithoutBasis =
      policy.personal && [...policy.rows, ...Object.values<readonly Grant[]>(policy.fields).flat()].some((g) => g.basis === null);
    if (personalWithoutBasis) throw new Error(`Policy for ${policy.type}: every grant on a personal type needs a legal basis`);
    return Object.freeze(policy) as TypePolicy<Row>;
  };
}

/** Root operations (Query and Mutation fields): who may call them. */
export type OperationPolicy = { readonly [operation: string]: readonly Role[] };

/** Compiles a type's row grants into one SQL predicate for list and detail queries. */
export function rowScopeSql(scope: ViewerScope, grants: readonly Grant[], columns: FactColumns, params: unknown[] = []): SqlFragment {
  const clauses = grants.filter((g) => hasAnyRole(scope, g.roles)).map((g) => conditionToSql(g.when, scope, columns, params));
  return { sql: clauses.length ? `(${clauses.join(' OR ')})` : 'FALSE', params };
}

/** A module's part of the policy: its object types and the root operations it adds. */
export interface ModuleAccess {
  readonly types?: readonly TypePolicy[];
  readonly queries?: OperationPolicy;
  readonly mutations?: OperationPolicy;
}

/** The whole policy, folded from every module's part (`api/access/policy-table.ts`). */
export interface AccessPolicy {
  readonly types: ReadonlyMap<string, TypePolicy>;
  readonly operations: Readonly<Record<'Query' | 'Mutation', OperationPolicy>>;
}
