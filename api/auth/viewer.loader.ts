import { DataSource } from 'typeorm';
import { viewerRepository } from '../../db/access/viewer.repository';
import { Unauthenticated } from '../../domain/errors';
import { Viewer } from '../context';
import { VerifiedToken } from './token-verifier';

/**
 * Builds the viewer's scope from the database in one query, at the start of
 * every request (db/access/viewer.repository.ts): a revoked role, a disabled
 * user or a withdrawn consent takes effect on the next request.
 */
export async function loadViewer(dataSource: DataSource, token: VerifiedToken, now: Date): Promise<Viewer> {
  const match = token.kind === 'development' ? { email: token.subject } : { subject: token.subject };
  const viewer = await viewerRepository.load(dataSource.manager, match, now);
  if (!viewer) throw new Unauthenticated('Your account is unknown or disabled. Contact your administrator.');
  return viewer;
}
