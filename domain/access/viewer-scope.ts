import { AgencyKind, Role } from './roles';

/** A valid consent that lets the viewer's agency take part in a collaboration case, and the information it covers. */
export interface CaseConsent {
  readonly consentId: string;
  /** What the consent covers (e.g. BASIC_FACTS, PLAN_ACTIONS); free text set by the consent module. */
  readonly categories: ReadonlySet<string>;
}

/**
 * The viewer's relations to cases and talks, loaded once per request by the
 * scope contributors the modules register (db/access/scope-contributors.ts).
 * A withdrawn consent is gone from the next request's scope.
 */
export interface RelationScope {
  /** Talks the viewer is invited to. */
  readonly invitedTalkIds: ReadonlySet<string>;
  /** Collaboration cases where the viewer is on the team, with the valid consents covering the viewer's agency. */
  readonly caseConsents: ReadonlyMap<string, readonly CaseConsent[]>;
  /** Collaboration cases where the viewer is a current team member (an ended membership is not here), consent or not. */
  readonly teamCaseIds: ReadonlySet<string>;
}

export const NO_RELATIONS: RelationScope = Object.freeze({
  invitedTalkIds: new Set<string>(), caseConsents: new Map<string, readonly CaseConsent[]>(), teamCaseIds: new Set<string>(),
});

/** Everything the access policy needs about a viewer, loaded once per request. */
export interface ViewerScope {
  readonly userId: string;
  readonly agencyId: string;
  readonly agencyKind: AgencyKind;
  /** False for private associations, which must never see crime data. */
  readonly isPublicAuthority: boolean;
  readonly municipalityId: string;
  readonly roles: ReadonlySet<Role>;
  /** The districts the viewer's agency serves. */
  readonly districtIds: ReadonlySet<string>;
  readonly relations: RelationScope;
}

export function hasAnyRole(scope: ViewerScope, roles: readonly Role[]): boolean {
  return roles.some((role) => scope.roles.has(role));
}

/** The consent under which the viewer takes part in a case for this category, or null. */
export function consentFor(scope: ViewerScope, caseId: string | null | undefined, category: string): CaseConsent | null {
  if (!caseId) return null;
  return scope.relations.caseConsents.get(caseId)?.find((c) => c.categories.has(category)) ?? null;
}

/** The cases whose consent covers this category: what a row scope binds. */
export function casesWithConsent(scope: ViewerScope, category: string): string[] {
  const ids: string[] = [];
  for (const [caseId, consents] of scope.relations.caseConsents) if (consents.some((c) => c.categories.has(category))) ids.push(caseId);
  return ids;
}

/** "caseId|category" for every case and category the viewer's consents cover: what a per-object category check binds in SQL. */
export function consentedCategoryKeys(scope: ViewerScope): string[] {
  const keys = new Set<string>();
  for (const [caseId, consents] of scope.relations.caseConsents) for (const c of consents) for (const category of c.categories) keys.add(`${caseId}|${category}`);
  return [...keys];
}
