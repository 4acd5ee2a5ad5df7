/**
 * How a module declares a district setting: every number the law or the municipal documents name is one, with the
 * documented default; where the law sets it, it is a ceiling (a district may be stricter, never looser).
 * A module declares its settings in `domain/<m>/<m>.settings.ts` and hands them to the platform in its descriptor.
 */

/** A ceiling the law sets: values above `max` are refused with the law's reference. */
export interface LegalCeiling {
  readonly max: number;
  readonly unit: string;
  readonly unitSv: string;
  readonly law: string;
  readonly what: string;
  readonly whatSv: string;
}

export interface SettingProblem {
  /** English, after the setting's name: "must be 1–720 hours". */
  readonly message: string;
  /** Swedish, a whole sentence; a generic one when absent. */
  readonly messageSv?: string;
}

/**
 * A GraphQL type, named without GraphQL: a scalar, an object type of `schema/districts` (`AgeBand`), or an enum of the
 * domain (registered in `schema/`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any string enum
export type SettingApiType = 'Int' | 'Boolean' | 'String' | 'AgeBand' | Readonly<Record<string, any>>;

/** How the API shows a setting: `schema/districts` adds it to `DistrictPolicy` and `UpdateDistrictPolicyInput` from this. */
export interface SettingApi {
  readonly type: SettingApiType;
  readonly list?: boolean;
  readonly nullable?: boolean;
  /** Printed in schema/schema.graphql. */
  readonly description?: string;
  /** Refused on input before the rules run: a text's length (each item's, in a list) and a list's length. */
  readonly text?: { readonly min: number; readonly max: number };
  readonly maxItems?: number;
}

export interface SettingDeclaration<S, V> {
  readonly api: SettingApi;
  readonly default: V;
  /** Where the default comes from (law, document, practice). */
  readonly reference: string;
  /** The law's ceiling: whole numbers 1–max, more is refused naming the law. */
  readonly ceiling?: LegalCeiling;
  /** Bounds and ties to the module's other settings: null when the value may be saved. */
  readonly check?: (settings: S) => SettingProblem | null;
}

/** A module's settings, each declared once. */
export type SettingsDeclaration<S> = { readonly [K in keyof S]-?: SettingDeclaration<S, S[K]> };

/** Any module's settings, as the registry and the validation see them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each module's settings check their own type
export type AnySettings = Readonly<Record<string, SettingDeclaration<any, unknown>>>;

export interface PolicyProblem {
  readonly field: string;
  readonly message: string;
  readonly messageSv: string;
}

export function wholeBetween(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** A bounds check: `must be …` when `ok` is false. */
export const unless = (ok: boolean, message: string, messageSv?: string): SettingProblem | null => (ok ? null : { message, messageSv });

/** The defaults of the declared settings. */
export function defaultsOf<S>(settings: SettingsDeclaration<S>): S {
  return Object.freeze(Object.fromEntries(Object.entries(settings).map(([k, d]) => [k, (d as { default: unknown }).default]))) as S;
}

/** Every problem with `policy` under the declared settings; an empty list means it can be saved. */
export function settingsProblems<S>(settings: SettingsDeclaration<S>, policy: S): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  for (const [field, d] of Object.entries(settings) as [string, SettingDeclaration<S, unknown>][]) {
    const value = policy[field as keyof S] as unknown;
    const c = d.ceiling;
    let problem: SettingProblem | null;
    if (c && typeof value === 'number' && Number.isInteger(value) && value > c.max) {
      problem = {
        message: `may be at most ${c.max} ${c.unit}: ${c.law} sets ${c.max} ${c.unit} for the ${c.what}. A district may be stricter, never looser`,
        messageSv: `Högst ${c.max} ${c.unitSv}: ${c.law} ger ${c.max} ${c.unitSv} för ${c.whatSv}. Ett område får vara strängare, aldrig mildare.`,
      };
    } else if (c) {
      problem = unless(
        wholeBetween(value, 1, c.max),
        `must be a whole number of ${c.unit}, 1–${c.max}`,
        `Ange ett helt antal ${c.unitSv}, 1–${c.max}.`,
      );
    } else {
      problem = d.check?.(policy) ?? null;
    }
    if (problem) {
      problems.push({
        field,
        message: problem.message,
        messageSv: problem.messageSv ?? `Kontrollera ${field}: värdet ligger utanför det tillåtna.`,
      });
    }
  }
  return problems;
}
