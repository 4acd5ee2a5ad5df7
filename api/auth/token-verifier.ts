import { createRemoteJWKSet, errors as joseErrors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { AuthConfig } from '../../platform/config';
import { Unauthenticated } from '../../domain/errors';

export interface VerifiedToken {
  /** The user's email for development tokens, the OIDC subject in production. */
  readonly subject: string;
  readonly kind: 'development' | 'oidc';
  /** OIDC: the e-mail claim, only when the provider says it verified it (`email_verified: true`). */
  readonly verifiedEmail?: string;
}

const DEV_ALGORITHMS = ['HS256'];
const OIDC_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

export type TokenVerifier = (token: string) => Promise<VerifiedToken>;

/** Verified tokens kept until they expire: a client sends the same token with every request, and RS256 costs more than the rest of a small read. */
const VERIFIED_CACHE_SIZE = 10_000;

/**
 * Verifies a bearer token: a fixed algorithm list (never `none`), `exp` and `sub` required.
 * A token that verified is remembered until its `exp` (without the clock tolerance);
 * who the subject is and may do is still read from the database on every request.
 */
export function createTokenVerifier(config: AuthConfig, now: () => number = Date.now): TokenVerifier {
  const verify = createUncachedVerifier(config, now);
  const verified = new Map<string, { token: VerifiedToken; expiresAtMs: number }>();
  return async (token) => {
    const hit = verified.get(token);
    if (hit && now() < hit.expiresAtMs) return hit.token;
    if (hit) verified.delete(token);
    const { result, expiresAtMs } = await verify(token);
    if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value!);
    verified.set(token, { token: result, expiresAtMs });
    return result;
  };
}

function createUncachedVerifier(
  config: AuthConfig,
  now: () => number,
): (token: string) => Promise<{ result: VerifiedToken; expiresAtMs: number }> {
  const jwks: JWTVerifyGetKey | undefined = config.jwksUrl ? createRemoteJWKSet(config.jwksUrl) : undefined;
  const secret = config.devSecret ? new TextEncoder().encode(config.devSecret) : undefined;

  return async (token) => {
    let payload: JWTPayload;
    try {
      const options = {
        clockTolerance: config.clockToleranceSeconds,
        requiredClaims: ['exp', 'sub'],
        issuer: config.issuer,
        audience: config.audience,
        currentDate: new Date(now()),
      };
      if (jwks) {
        ({ payload } = await jwtVerify(token, jwks, { ...options, algorithms: OIDC_ALGORITHMS }));
      } else if (secret) {
        ({ payload } = await jwtVerify(token, secret, { ...options, algorithms: DEV_ALGORITHMS }));
      } else {
        throw new Unauthenticated('Sign-in is not configured on this server.');
      }
    } catch (error) {
      if (error instanceof Unauthenticated) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new Unauthenticated('Your session has expired. Sign in again.');
      throw new Unauthenticated('The sign-in token is not valid. Sign in again.');
    }
    const verifiedEmail =
      jwks && payload.email_verified === true && typeof payload.email === 'string' ? payload.email.trim().toLowerCase() : undefined;
    return {
      result: { subject: String(payload.sub), kind: jwks ? 'oidc' : 'development', ...(verifiedEmail ? { verifiedEmail } : {}) },
      expiresAtMs: Number(payload.exp) * 1000,
    };
  };
}

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1] : null;
}
