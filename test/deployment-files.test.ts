import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const compose = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');

/** `${NAME…}` interpolations of the compose file, by variable. */
function interpolations(name: string): string[] {
  return [...compose.matchAll(/\$\{([A-Z_]+)([^}]*)\}/g)].filter((m) => m[1] === name).map((m) => m[2]);
}

describe('docker-compose.yml', () => {
  it.each(['POSTGRES_PASSWORD', 'SAMVERKA_OWNER_PASSWORD', 'SAMVERKA_APP_PASSWORD'])(
    'an operator who forgets %s gets a refusal, not a password printed in the repository',
    (name) => {
      const uses = interpolations(name);
      expect(uses.length).toBeGreaterThan(0);
      for (const use of uses) expect(use).toMatch(/^:\?\S/);
    },
  );

  it('has no password literal left anywhere, in a fallback or in a URL', () => {
    const fallbacks = [...compose.matchAll(/\$\{([A-Z_]*PASSWORD[A-Z_]*):?-[^}]*\}/g)].map((m) => m[0]);
    expect(fallbacks).toEqual([]);
    expect(compose).not.toMatch(/dev-password/);
    expect(compose).not.toMatch(/postgres(ql)?:\/\/[^:$\s]+:(?!\$\{)[^@\s]+@/);
  });
});

describe('Dockerfile', () => {
  const installs = dockerfile.split('\n').filter((line) => /\bnpm (ci|install|i)\b/.test(line) && !line.trimStart().startsWith('#'));

  it('installs exactly the lockfile: npm ci, never a fallback that may resolve other versions', () => {
    const dependencyInstalls = installs.filter((line) => !/npm install -g "npm@/.test(line));
    expect(dependencyInstalls.length).toBe(2);
    for (const line of dependencyInstalls) {
      expect(line).toMatch(/\bnpm ci\b/);
      expect(line).not.toMatch(/\|\||\bnpm (install|i)\b/);
    }
  });
});
