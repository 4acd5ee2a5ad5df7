import { DataSource } from 'typeorm';
import { RequestDatabase } from '../../db/access/request-connection';
import { rowScopeOf, systemRead } from '../../db/access/row-scope';
import { viewerRepository, ViewerRecord } from '../../db/access/viewer.repository';
import { Unauthenticated } from '../../domain/errors';
import { AppDeps, Viewer } from '../context';
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

/**
 * Builds the viewer's scope from the database in one query, at the start of
 * every request (db/access/viewer.repository.ts): a revoked role, a disabled
 * user or a withdrawn consent takes effect on the next request.
 */
export async function loadViewer(
  deps: Pick<AppDeps, 'dataSource' | 'registry'>,
  token: VerifiedToken,
  now: Date,
  connection?: RequestDatabase,
): Promise<Viewer> {
  const { dataSource, registry } = deps;
  const match = token.kind === 'development' ? { email: token.subject } : { subject: token.subject };
  // The viewer's own relations are read before their scope exists: in system scope.
  const load = (): Promise<ViewerRecord | null> =>
    connection
      ? connection.identify(
          (manager) => viewerRepository.load(manager, match, now, registry.scopeContributors),
          (record) => record && rowScopeOf(record.scope),
        )
      : systemRead(dataSource, (manager) => viewerRepository.load(manager, match, now, registry.scopeContributors));
  let viewer = await load();
  if (!viewer && token.kind === 'oidc' && token.verifiedEmail && (await bindFirstSignIn(dataSource, token.verifiedEmail, token.subject))) {
    viewer = await load();
  }
  if (!viewer) throw new Unauthenticated('Your account is unknown or disabled. Contact your administrator.');
  return viewer;
}
