import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

/** ESLint (eslint.config.mjs) and Prettier (.prettierrc.json) over the whole tree: a finding fails `npm test` naming the file. */

const ROOT = path.resolve(__dirname, '..');

interface LintResult {
  readonly filePath: string;
  readonly messages: readonly { readonly ruleId: string | null; readonly line: number; readonly message: string }[];
}

describe('the code', () => {
  it('passes ESLint', async () => {
    const bin = path.join(ROOT, 'node_modules', '.bin', 'eslint');
    // eslint exits non-zero when it finds problems; its JSON is on stdout either way.
    const { stdout } = await promisify(execFile)(bin, ['.', '--format', 'json'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }).catch(
      (error) => error,
    );
    const results = JSON.parse(stdout) as LintResult[];
    const findings = results.flatMap((r) =>
      r.messages.map((m) => `${path.relative(ROOT, r.filePath)}:${m.line} ${m.ruleId ?? 'parse'}: ${m.message}`),
    );
    expect(results.length).toBeGreaterThan(300);
    expect(findings).toEqual([]);
  }, 300_000);

  it('is formatted by Prettier (npm run format)', async () => {
    const bin = path.join(ROOT, 'node_modules', '.bin', 'prettier');
    // prettier exits non-zero when a file differs; it lists those files on stdout either way.
    const { stdout } = await promisify(execFile)(bin, ['--list-different', '.'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }).catch(
      (error) => error,
    );
    expect(String(stdout).split('\n').filter(Boolean)).toEqual([]);
  }, 300_000);
});
