/** A small `--name value` / `--flag` parser for the bench scripts; unknown flags stop with the usage. */
export interface FlagSpec {
  readonly kind: 'int' | 'number' | 'string' | 'boolean' | 'list';
  readonly default?: number | string | boolean | readonly string[];
  readonly help: string;
  readonly min?: number;
}

export type FlagValues<S extends Record<string, FlagSpec>> = {
  -readonly [K in keyof S]: S[K]['kind'] extends 'int' | 'number'
    ? number
    : S[K]['kind'] extends 'boolean'
      ? boolean
      : S[K]['kind'] extends 'list'
        ? string[]
        : string | undefined;
};

export function usage(command: string, specs: Record<string, FlagSpec>): string {
  const lines = Object.entries(specs).map(([name, spec]) => {
    const value = spec.kind === 'boolean' ? '' : ` <${spec.kind === 'list' ? 'a,b' : spec.kind}>`;
    const fallback =
      spec.default === undefined ? '' : ` (default ${Array.isArray(spec.default) ? spec.default.join(',') : String(spec.default)})`;
    return `  --${name}${value}`.padEnd(30) + spec.help + fallback;
  });
  return `Usage: ${command} [options]\n${lines.join('\n')}\n`;
}

export class UsageError extends Error {}

export function parseFlags<S extends Record<string, FlagSpec>>(argv: readonly string[], specs: S): FlagValues<S> {
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    values[name] =
      spec.kind === 'boolean' ? (spec.default ?? false) : spec.kind === 'list' ? [...((spec.default as string[]) ?? [])] : spec.default;
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') throw new UsageError('');
    const match = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(arg);
    if (!match || !(match[1] in specs)) throw new UsageError(`Unknown argument: ${arg}`);
    const name = match[1];
    const spec = specs[name];
    if (spec.kind === 'boolean') {
      values[name] = match[2] === undefined ? true : !['false', '0', 'no'].includes(match[2]);
      continue;
    }
    const raw = match[2] ?? argv[++i];
    if (raw === undefined) throw new UsageError(`--${name} needs a value`);
    if (spec.kind === 'int' || spec.kind === 'number') {
      const n = Number(raw.replace(/_/g, ''));
      if (!Number.isFinite(n) || (spec.kind === 'int' && !Number.isInteger(n)))
        throw new UsageError(`--${name} must be a ${spec.kind === 'int' ? 'whole ' : ''}number, got "${raw}"`);
      if (spec.min !== undefined && n < spec.min) throw new UsageError(`--${name} must be at least ${spec.min}, got ${n}`);
      values[name] = n;
    } else if (spec.kind === 'list') {
      values[name] = raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    } else {
      values[name] = raw;
    }
  }
  return values as FlagValues<S>;
}

/**
 * The command's flags, or its usage on stderr and an exit: 0 after `--help`, 2 after a mistake. `check` may refuse
 * more (an unknown workload) by throwing a UsageError.
 */
export function flagsOrExit<S extends Record<string, FlagSpec>>(
  command: string,
  specs: S,
  check: (flags: FlagValues<S>) => FlagValues<S> = (flags) => flags,
): FlagValues<S> {
  try {
    return check(parseFlags(process.argv.slice(2), specs));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message ? `${error.message}\n` : ''}${usage(command, specs)}`);
    process.exit(error.message ? 2 : 0);
  }
}
