import { EntityManager } from 'typeorm';
import { AgencyKind, Role } from '../../domain/access/roles';
import { CaseConsent, RelationScope, ViewerScope } from '../../domain/access/viewer-scope';
import { RelationParts, ScopeContributor } from './scope-contributor';
import { SCOPE_CONTRIBUTORS } from './scope-contributors';

export interface ViewerRecord {
  readonly email: string;
  readonly displayName: string;
  readonly scope: ViewerScope;
}

export type ViewerMatch = { readonly email: string } | { readonly subject: string };

/** Unions what every contributor returned into one immutable relation scope. */
export function relationsFrom(parts: readonly (RelationParts | null | undefined)[]): RelationScope {
  const invitedTalkIds = new Set<string>();
  const caseConsents = new Map<string, CaseConsent[]>();
  const teamCaseIds = new Set<string>();
  for (const part of parts) {
    for (const id of part?.teamCaseIds ?? []) teamCaseIds.add(id);
    for (const id of part?.invitedTalkIds ?? []) invitedTalkIds.add(id);
    for (const c of part?.caseConsents ?? []) {
      caseConsents.set(c.caseId, [...(caseConsents.get(c.caseId) ?? []), { consentId: c.consentId, categories: new Set(c.categories) }]);
    }
  }
  return Object.freeze({ invitedTalkIds, caseConsents, teamCaseIds });
}

const identifier = (name: string) => {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`scope contributor name must be snake_case: ${name}`);
  return `scope_${name}`;
};

export const viewerRepository = {
  /**
   * The viewer and their whole scope in one query, at the start of every
   * request: roles, agency and relations come from the database, not the token,
   * so a revoked role or a withdrawn consent takes effect on the next request.
   */
  async load(manager: EntityManager, match: ViewerMatch, now: Date, contributors: readonly ScopeContributor[] = SCOPE_CONTRIBUTORS): Promise<ViewerRecord | null> {
    const where = 'email' in match ? 'lower(u.email) = $1' : 'u.subject = $1';
    const extra = contributors.map((c) => `, (${c.sql}) AS ${identifier(c.name)}`).join('');
    const rows = await manager.query(
      `SELECT u.id, u.email, u.display_name, u.roles, u.agency_id, a.kind, a.is_public_authority, a.municipality_id, a.district_ids${extra}
         FROM app_user u JOIN agency a ON a.id = u.agency_id
        WHERE ${where} AND u.disabled_at IS NULL`,
      ['email' in match ? match.email.toLowerCase() : match.subject, ...(contributors.length ? [now] : [])],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      email: row.email,
      displayName: row.display_name,
      scope: Object.freeze({
        userId: row.id,
        agencyId: row.agency_id,
        agencyKind: row.kind as AgencyKind,
        isPublicAuthority: row.is_public_authority,
        municipalityId: row.municipality_id,
        roles: new Set<Role>(row.roles),
        districtIds: new Set<string>(row.district_ids),
        relations: relationsFrom(contributors.map((c) => row[identifier(c.name)] as RelationParts | null)),
      }),
    };
  },
};
