import { DataSource } from 'typeorm';
import { AgencyKind, Role } from '../../domain/access/roles';
import { Unauthenticated } from '../../domain/errors';
import { Viewer } from '../context';
import { VerifiedToken } from './token-verifier';

interface ViewerRow {
  id: string;
  email: string;
  display_name: string;
  roles: Role[];
  agency_id: string;
  kind: AgencyKind;
  is_public_authority: boolean;
  municipality_id: string;
  district_ids: string[];
}

/**
 * Builds the viewer's scope from the database in one query, at the start of
 * every request: roles and agency come from here, not from the token, so a
 * revoked role or a disabled user takes effect on the next request.
 */
export async function loadViewer(dataSource: DataSource, token: VerifiedToken): Promise<Viewer> {
  const match = token.kind === 'development' ? 'lower(u.email) = $1' : 'u.subject = $1';
  const rows: ViewerRow[] = await dataSource.query(
    `SELECT u.id, u.email, u.display_name, u.roles, u.agency_id, a.kind, a.is_public_authority, a.municipality_id, a.district_ids
       FROM app_user u JOIN agency a ON a.id = u.agency_id
      WHERE ${match} AND u.disabled_at IS NULL`,
    [token.kind === 'development' ? token.subject.toLowerCase() : token.subject],
  );
  const row = rows[0];
  if (!row) throw new Unauthenticated('Your account is unknown or disabled. Contact your administrator.');
  return {
    email: row.email,
    displayName: row.display_name,
    scope: Object.freeze({
      userId: row.id,
      agencyId: row.agency_id,
      agencyKind: row.kind,
      isPublicAuthority: row.is_public_authority,
      municipalityId: row.municipality_id,
      roles: new Set(row.roles),
      districtIds: new Set(row.district_ids),
    }),
  };
}
