export enum Role {
  SCHOOL_STAFF = 'SCHOOL_STAFF',
  SOCIAL_WORKER = 'SOCIAL_WORKER',
  SOCIAL_SERVICES_SUPERVISOR = 'SOCIAL_SERVICES_SUPERVISOR',
  POLICE_OFFICER = 'POLICE_OFFICER',
  LEISURE_STAFF = 'LEISURE_STAFF',
  /** Coordinates SSPF and SSFF cases. */
  SSPF_COORDINATOR = 'SSPF_COORDINATOR',
  /** Aggregates only, never a child. */
  ANALYST = 'ANALYST',
  /** Leads an agency (school head, unit manager): reads every report the agency filed and its feedback. */
  AGENCY_LEAD = 'AGENCY_LEAD',
  /** Configures districts, agencies and users; sees no case data. */
  ADMIN = 'ADMIN',
  /**
   * Another agency's case system sending reports by API (OAuth2 client credentials), bound to one agency: it may submit
   * reports and nothing else, not even read back what it sent.
   */
  INTAKE_CLIENT = 'INTAKE_CLIENT',
}

export enum AgencyKind {
  SCHOOL = 'SCHOOL',
  SOCIAL_SERVICES = 'SOCIAL_SERVICES',
  POLICE = 'POLICE',
  LEISURE = 'LEISURE',
  /** The municipality's central administration: admins and analysts. */
  MUNICIPALITY = 'MUNICIPALITY',
}

/** Every role a person signs in with: the machine client (INTAKE_CLIENT) is not one of them. */
export const ALL_ROLES: readonly Role[] = Object.values(Role).filter((role) => role !== Role.INTAKE_CLIENT);

export const SOCIAL_SERVICES_ROLES: readonly Role[] = [Role.SOCIAL_WORKER, Role.SOCIAL_SERVICES_SUPERVISOR];
/** Who read back what their agency reported (each as far as need to know allows: reports.grants.ts). */
export const REPORTER_ROLES: readonly Role[] = [Role.POLICE_OFFICER, Role.SCHOOL_STAFF, Role.LEISURE_STAFF, Role.AGENCY_LEAD];
/** Everyone who works with children, as opposed to ADMIN and ANALYST. */
export const CASEWORK_ROLES: readonly Role[] = [...SOCIAL_SERVICES_ROLES, ...REPORTER_ROLES, Role.SSPF_COORDINATOR];

/** The casework roles held beside ADMIN: an account that configures access must not also use it. */
export function caseworkBesideAdmin(roles: readonly Role[]): Role[] {
  return roles.includes(Role.ADMIN) ? roles.filter((role) => CASEWORK_ROLES.includes(role)) : [];
}
