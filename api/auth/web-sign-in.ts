import express, { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { DEMO_USERS } from '../../db/seed/demo-seed';
import type { Config } from '../../platform/config';
import type { ModuleRoute } from '../context';
import { signDevToken } from './dev-token';

export const WEB_AUTH_PATH = '/auth';

/** What the web app needs to sign in: dev tokens in development, or the OIDC client in production. */
export type WebAuthConfig =
  | { readonly mode: 'development' }
  | { readonly mode: 'oidc'; readonly issuer: string; readonly clientId: string; readonly scope: string; readonly audience: string | null }
  | { readonly mode: 'none' };

export function webAuthConfig(config: Pick<Config, 'nodeEnv' | 'auth'>): WebAuthConfig {
  const { auth } = config;
  if (config.nodeEnv !== 'production' && auth.devSecret && !auth.jwksUrl) return { mode: 'development' };
  if (auth.issuer && auth.webClientId) {
    return {
      mode: 'oidc',
      issuer: auth.issuer,
      clientId: auth.webClientId,
      scope: auth.webScope ?? 'openid',
      audience: auth.audience ?? null,
    };
  }
  return { mode: 'none' };
}

interface DemoUserRow {
  email: string;
  display_name: string;
  roles: string[];
  agency: string;
}

/**
 * GET /auth/config for everyone; in development also the demo-user picker's
 * list and its token endpoint, which answer 404 in production.
 */
export function webSignIn(dataSource: DataSource, config: Pick<Config, 'nodeEnv' | 'auth'>): express.Router {
  const router = express.Router();
  const auth = webAuthConfig(config);
  router.get('/config', (_req: Request, res: Response) => {
    res.json(auth);
  });
  if (auth.mode !== 'development' || !config.auth.devSecret) return router;
  const secret = config.auth.devSecret;

  const demoUsers = async (): Promise<DemoUserRow[]> => {
    const emails = DEMO_USERS.map((u) => u.email);
    const rows: DemoUserRow[] = await dataSource.query(
      `SELECT u.email, u.display_name, u.roles, a.name AS agency FROM app_user u JOIN agency a ON a.id = u.agency_id
        WHERE u.email = ANY($1) AND u.disabled_at IS NULL`,
      [emails],
    );
    return rows.sort((a, b) => emails.indexOf(a.email) - emails.indexOf(b.email));
  };

  router.get('/dev-users', async (_req, res, next) => {
    try {
      res.json((await demoUsers()).map((u) => ({ email: u.email, displayName: u.display_name, roles: u.roles, agency: u.agency })));
    } catch (error) {
      next(error);
    }
  });
  router.post('/dev-token', express.json({ limit: 1024 }), async (req, res, next) => {
    try {
      const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '';
      if (!(await demoUsers()).some((u) => u.email === email)) {
        res
          .status(400)
          .json({ errors: [{ message: 'Pick one of the demo users.', extensions: { code: 'BAD_USER_INPUT', field: 'email' } }] });
        return;
      }
      res.json({ token: await signDevToken(email, secret) });
    } catch (error) {
      next(error);
    }
  });
  return router;
}

export const WEB_SIGN_IN_ROUTE: ModuleRoute = {
  path: WEB_AUTH_PATH,
  method: 'use',
  rateLimited: true,
  handler: (deps) => webSignIn(deps.dataSource, deps.config),
};
