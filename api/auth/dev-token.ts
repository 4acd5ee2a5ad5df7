import { SignJWT } from 'jose';

export const DEV_TOKEN_LIFETIME = '12h';

/** Development tokens name the user by email; the API looks the user up in the database. */
export async function signDevToken(email: string, secret: string, lifetime: string = DEV_TOKEN_LIFETIME): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(email.trim().toLowerCase())
    .setIssuedAt()
    .setExpirationTime(lifetime)
    .sign(new TextEncoder().encode(secret));
}
