import { AgencyKind, Role } from './roles';

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
}

export function hasAnyRole(scope: ViewerScope, roles: readonly Role[]): boolean {
  return roles.some((role) => scope.roles.has(role));
}
