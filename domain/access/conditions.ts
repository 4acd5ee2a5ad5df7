import { ViewerScope } from './viewer-scope';

/** What a policy rule may know about the object being read. */
export interface SubjectFacts {
  readonly districtId?: string | null;
  /** The agency that holds the record. */
  readonly agencyId?: string | null;
  /** The agency that filed a report. */
  readonly reporterAgencyId?: string | null;
  /** The user the record belongs to. */
  readonly userId?: string | null;
  readonly municipalityId?: string | null;
}

/** The closed set of conditions a grant can carry. */
export type Condition =
  | { readonly kind: 'always' }
  | { readonly kind: 'self' }
  | { readonly kind: 'sameAgency' }
  | { readonly kind: 'sameDistrict' }
  | { readonly kind: 'sameMunicipality' }
  | { readonly kind: 'reporterAgency' }
  | { readonly kind: 'publicAuthorityOnly' }
  | { readonly kind: 'and'; readonly all: readonly Condition[] }
  | { readonly kind: 'or'; readonly any: readonly Condition[] };

export const always: Condition = { kind: 'always' };
export const self: Condition = { kind: 'self' };
export const sameAgency: Condition = { kind: 'sameAgency' };
export const sameDistrict: Condition = { kind: 'sameDistrict' };
export const sameMunicipality: Condition = { kind: 'sameMunicipality' };
export const reporterAgency: Condition = { kind: 'reporterAgency' };
export const publicAuthorityOnly: Condition = { kind: 'publicAuthorityOnly' };
export const and = (...all: Condition[]): Condition => ({ kind: 'and', all });
export const or = (...any: Condition[]): Condition => ({ kind: 'or', any });

function assertNever(value: never): never {
  throw new Error(`Unknown condition: ${JSON.stringify(value)}`);
}

export function holds(condition: Condition, scope: ViewerScope, facts: SubjectFacts): boolean {
  switch (condition.kind) {
    case 'always':
      return true;
    case 'self':
      return !!facts.userId && facts.userId === scope.userId;
    case 'sameAgency':
      return !!facts.agencyId && facts.agencyId === scope.agencyId;
    case 'sameDistrict':
      return !!facts.districtId && scope.districtIds.has(facts.districtId);
    case 'sameMunicipality':
      return !!facts.municipalityId && facts.municipalityId === scope.municipalityId;
    case 'reporterAgency':
      return !!facts.reporterAgencyId && facts.reporterAgencyId === scope.agencyId;
    case 'publicAuthorityOnly':
      return scope.isPublicAuthority;
    case 'and':
      return condition.all.every((c) => holds(c, scope, facts));
    case 'or':
      return condition.any.some((c) => holds(c, scope, facts));
    default:
      return assertNever(condition);
  }
}

/** SQL columns (already qualified with their alias) that carry each fact for a table. */
export type FactColumns = { readonly [K in keyof SubjectFacts]?: string };

export interface SqlFragment {
  readonly sql: string;
  readonly params: unknown[];
}

/**
 * Compiles a condition to a SQL predicate over the given columns, with
 * positional parameters starting after `params.length`. Facts the table does
 * not carry compile to FALSE, so a missing mapping denies rather than leaks.
 */
export function conditionToSql(condition: Condition, scope: ViewerScope, columns: FactColumns, params: unknown[]): string {
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const column = (fact: keyof SubjectFacts) => columns[fact];
  switch (condition.kind) {
    case 'always':
      return 'TRUE';
    case 'self':
      return column('userId') ? `${column('userId')} = ${bind(scope.userId)}` : 'FALSE';
    case 'sameAgency':
      return column('agencyId') ? `${column('agencyId')} = ${bind(scope.agencyId)}` : 'FALSE';
    case 'sameDistrict':
      return column('districtId') ? `${column('districtId')} = ANY(${bind([...scope.districtIds])}::uuid[])` : 'FALSE';
    case 'sameMunicipality':
      return column('municipalityId') ? `${column('municipalityId')} = ${bind(scope.municipalityId)}` : 'FALSE';
    case 'reporterAgency':
      return column('reporterAgencyId') ? `${column('reporterAgencyId')} = ${bind(scope.agencyId)}` : 'FALSE';
    case 'publicAuthorityOnly':
      return scope.isPublicAuthority ? 'TRUE' : 'FALSE';
    // Empty lists compile like `holds` reads them (every of nothing is true, some of nothing false), not to "()".
    case 'and':
      return condition.all.length ? `(${condition.all.map((c) => conditionToSql(c, scope, columns, params)).join(' AND ')})` : 'TRUE';
    case 'or':
      return condition.any.length ? `(${condition.any.map((c) => conditionToSql(c, scope, columns, params)).join(' OR ')})` : 'FALSE';
    default:
      return assertNever(condition);
  }
}

export function describeCondition(condition: Condition): string {
  switch (condition.kind) {
    case 'and':
      return condition.all.map(describeCondition).join(' and ');
    case 'or':
      return `(${condition.any.map(describeCondition).join(' or ')})`;
    default:
      return condition.kind;
  }
}
