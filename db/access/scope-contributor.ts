/** The viewer's relations as plain JSON, the shape a contributor's SQL returns. */
export interface RelationParts {
  readonly invitedTalkIds?: readonly string[];
  readonly caseConsents?: readonly { readonly caseId: string; readonly consentId: string; readonly categories: readonly string[] }[];
  readonly teamCaseIds?: readonly string[];
}

/**
 * A module's part of the viewer's scope. Its SQL is one jsonb expression
 * (shaped like RelationParts) evaluated inside the single viewer query over
 * `u` (app_user), `a` (agency) and `$2::timestamptz` (now), so loading the
 * scope stays one statement per request however many modules contribute.
 */
export interface ScopeContributor {
  /** Unique; names the column in the viewer query. */
  readonly name: string;
  readonly sql: string;
}
