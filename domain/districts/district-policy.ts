import { AnySettings, SettingsDeclaration } from './district-setting';

export type { PolicyProblem } from './district-setting';

/**
 * Every number the law or the municipal documents name is a district setting. Each module declares its own (default,
 * bounds, legal ceiling, reference, how the API shows it) in `domain/<m>/<m>.settings.ts` as `<M>_SETTINGS`, and adds
 * its settings to this type there (`declare module '../districts/district-policy'`). The server finds those files in
 * `platform/districts/district-settings.ts`, the web app by Vite's glob; both fold them here. Districts change them
 * through versioned policy updates.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by each module's settings file
export interface DistrictPolicy {}

/** The declarations of every `domain/<m>/<m>.settings.ts`, by file, as the server and the web app find them. */
export type SettingsFiles = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/**
 * Puts the modules' declarations together: `<M>_SETTINGS` of each `…/<m>/<m>.settings.ts`, in the order of the files'
 * paths. A file without it, or a setting declared by two modules, stops start-up naming the files.
 */
export function foldDistrictSettings(files: SettingsFiles): SettingsDeclaration<DistrictPolicy> {
  const owner = new Map<string, string>();
  const settings: Record<string, unknown> = {};
  for (const file of Object.keys(files).sort()) {
    const module = /([^/\\]+)[/\\]\1\.settings\.[jt]s$/.exec(file)?.[1];
    if (!module) throw new Error(`${file}: a module's district settings live in domain/<module>/<module>.settings.ts`);
    const name = `${module.toUpperCase()}_SETTINGS`;
    const declarations = files[file][name] as AnySettings | undefined;
    if (!declarations || typeof declarations !== 'object') throw new Error(`${file} does not export ${name}`);
    for (const [key, declaration] of Object.entries(declarations)) {
      const first = owner.get(key);
      if (first) throw new Error(`District setting "${key}" is declared by ${first} and ${file}: keep one`);
      owner.set(key, file);
      settings[key] = declaration;
    }
  }
  return Object.freeze(settings) as SettingsDeclaration<DistrictPolicy>;
}

/** Two policies hold the same settings (key order and unset keys aside). */
export function samePolicy(a: DistrictPolicy, b: DistrictPolicy): boolean {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]);
    }
    return value;
  };
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** A stored policy version; deadlines remember the version they were computed with. */
export interface VersionedPolicy {
  readonly districtId: string;
  readonly version: number;
  readonly policy: DistrictPolicy;
}
