import { DataSource } from 'typeorm';
import { AgencyKind, Role } from '../../domain/access/roles';
import { Unauthenticated } from '../../domain/errors';
import { Viewer } from '../context';
import { VerifiedToken } from './token-verifier';
import { userAccountRepository } from '../../db/organisation/user-account.repository';
import { isUniqueViolation } from '../../db/errors';

/**
 * A user an administrator registered signs in for the first time: the
 * provider's subject is bound to the account with the e-mail it vouches for.
 * A subject already bound elsewhere (unique key) binds nothing.
 */
async function bindFirstSignIn(dataSource: DataSource, email: string, subject: string): Promise<boolean> {
  try {
    return await userAccountRepository.bindSubject(dataSource.manager, email, subject);
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

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
  const find = (): Promise<ViewerRow[]> => dataSource.query(
    `SELECT u.id, u.email, u.display_name, u.roles, u.agency_id, a.kind, a.is_public_authority, a.municipality_id, a.district_ids
       FROM app_user u JOIN agency a ON a.id = u.agency_id
      WHERE ${match} AND u.disabled_at IS NULL`,
    [token.kind === 'development' ? token.subject.toLowerCase() : token.subject],
  );
  let rows = await find();
  if (!rows[0] && token.kind === 'oidc' && token.verifiedEmail && (await bindFirstSignIn(dataSource, token.verifiedEmail, token.subject))) rows = await find();
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
