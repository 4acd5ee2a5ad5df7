import { SignJWT } from 'jose';
import { createTokenVerifier } from './token-verifier';

const SECRET = 'token-verifier-test-secret-of-32-characters-at-least';
const key = new TextEncoder().encode(SECRET);
const seconds = (ms: number) => Math.floor(ms / 1000);

describe('the verified-token cache', () => {
  it('answers a repeated token from the cache until its exp, then verifies it again and refuses it', async () => {
    let nowMs = Date.now();
    const verify = createTokenVerifier({ devSecret: SECRET, clockToleranceSeconds: 0 }, () => nowMs);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('a@samverka.test')
      .setExpirationTime(seconds(nowMs) + 60)
      .sign(key);
    await expect(verify(token)).resolves.toEqual({ subject: 'a@samverka.test', kind: 'development' });
    await expect(verify(token)).resolves.toEqual({ subject: 'a@samverka.test', kind: 'development' });
    nowMs += 61_000;
    await expect(verify(token)).rejects.toMatchObject({ message: 'Your session has expired. Sign in again.' });
  });

  it('never caches a refusal: a bad signature is refused every time', async () => {
    const verify = createTokenVerifier({ devSecret: SECRET, clockToleranceSeconds: 0 });
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('a@samverka.test')
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode('another-secret-of-thirty-two-characters-or-more'));
    await expect(verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
