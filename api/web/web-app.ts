import fs from 'node:fs';
import path from 'node:path';
import express, { NextFunction, Request, Response } from 'express';
import type { Config } from '../../platform/config';

/** web/dist beside the sources (ts-jest) or beside dist/ (compiled). */
export function webDistDir(): string | null {
  for (const candidate of [path.resolve(__dirname, '../../web/dist'), path.resolve(__dirname, '../../../web/dist')]) {
    if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate;
  }
  return null;
}

/** The web app's silent-renewal page (web/src/auth/oidc.ts), loaded by the app in a hidden frame. */
const SILENT_RENEW_PATH = '/sign-in/silent';

function webCsp(config: Pick<Config, 'auth'>, framedBy: "'none'" | "'self'"): string {
  // The browser talks to this origin, and in production to the identity provider (discovery, token endpoint, and the
  // hidden frame that renews the sign-in when the provider gives no refresh token).
  const issuer = config.auth.issuer ? ` ${new URL(config.auth.issuer).origin}` : '';
  return (
    `default-src 'self'; img-src 'self' data:; font-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self'; ` +
    `connect-src 'self'${issuer}; frame-src 'self'${issuer}; frame-ancestors ${framedBy}; base-uri 'none'; form-action 'self'${issuer}`
  );
}

/**
 * The built web app at `/`: hashed assets cached for a year, every other GET
 * that names text/html in Accept gets index.html (the app routes in the browser). Without
 * a build nothing is mounted and `/` stays the API's 404.
 */
export function webApp(config: Pick<Config, 'auth'>, dir: string | null = webDistDir()): express.Router {
  const router = express.Router();
  if (!dir) return router;
  const csp = webCsp(config, "'none'");
  const silentCsp = webCsp(config, "'self'");
  const index = path.join(dir, 'index.html');
  router.use(
    '/assets',
    express.static(path.join(dir, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
      setHeaders: (res) => res.setHeader('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );
  router.get(/.*/, (req: Request, res: Response, next: NextFunction) => {
    // Browsers navigating ask for text/html by name; API clients and `*/*` keep the JSON 404.
    if (!(req.header('accept') ?? '').includes('text/html')) return next();
    const silent = req.path === SILENT_RENEW_PATH;
    res.setHeader('Content-Security-Policy', silent ? silentCsp : csp);
    if (silent) res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } }, (error) => error && next(error));
  });
  return router;
}
