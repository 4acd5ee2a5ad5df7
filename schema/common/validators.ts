import { ValidateBy, ValidationOptions } from 'class-validator';
import { hasFormatCharacters } from '../../domain/text/format-characters';

/**
 * The input contracts every text, id, number and date field declares. Each
 * decorator records its rule as the class-validator `context`, so the error
 * mapping can name the field and explain the rule in Swedish and English.
 */

export interface TextRule {
  readonly max: number;
  /** After trimming; 0 lets an optional field be empty. */
  readonly min?: number;
  /** Free text may hold line breaks and tabs; names and references may not. */
  readonly multiline?: boolean;
  /** Names, numbers, references, contacts: no invisible format characters (domain/text/format-characters). */
  readonly identifying?: boolean;
}

/** Names are single lines; 200 characters hold any real name. */
export const NAME: TextRule = { min: 1, max: 200, identifying: true };
/** Descriptions, notes and reasons: line breaks allowed. */
export const FREE_TEXT: TextRule = { min: 1, max: 10_000, multiline: true };
/** The same where it may be left out. */
export const OPTIONAL_TEXT: TextRule = { max: FREE_TEXT.max, multiline: true };
/** The items a list input (goals, attendees, agencies) may hold. */
export const LIST_MAX = 50;

export type TextProblem =
  'NOT_TEXT' | 'TOO_SHORT' | 'TOO_LONG' | 'CONTROL_CHARACTER' | 'FORMAT_CHARACTER' | 'LINE_BREAK' | 'INVALID_UNICODE';

/** C0 and C1 controls, DEL; PostgreSQL refuses NUL in text and the rest has no place in case notes. */
// eslint-disable-next-line no-control-regex -- finding control characters is its purpose
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK = /[\t\n\r\u2028\u2029]/;
/** Bidirectional overrides let a name display as something else (CVE-2021-42574); plain RTL text is fine. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Code points, so an emoji counts as one character, as a user would count it. */
export function characterCount(value: string): number {
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}

export function textProblem(value: unknown, rule: TextRule): TextProblem | null {
  if (typeof value !== 'string') return 'NOT_TEXT';
  if (LONE_SURROGATE.test(value)) return 'INVALID_UNICODE';
  if (CONTROL.test(value) || BIDI_CONTROL.test(value)) return 'CONTROL_CHARACTER';
  if (rule.identifying && hasFormatCharacters(value)) return 'FORMAT_CHARACTER';
  if (!rule.multiline && LINE_BREAK.test(value)) return 'LINE_BREAK';
  const length = characterCount(value);
  if (length < (rule.min ?? 0)) return 'TOO_SHORT';
  if (length > rule.max) return 'TOO_LONG';
  return null;
}

export function Text(rule: TextRule, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'text',
      constraints: [rule],
      validator: { validate: (value: unknown) => textProblem(value, rule) === null, defaultMessage: () => '$property is not valid text' },
    },
    { ...options, context: rule },
  );
}

/** Every id in Samverka is a PostgreSQL uuid; anything else can only be NOT_FOUND, so it is refused up front. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export function Uuid(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'uuid',
      validator: { validate: (value: unknown) => isUuid(value), defaultMessage: () => '$property must be a UUID' },
    },
    options,
  );
}

export interface IntRule {
  readonly min: number;
  readonly max: number;
}

export function IntRange(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  const rule: IntRule = { min, max };
  return ValidateBy(
    {
      name: 'intRange',
      constraints: [rule],
      validator: {
        validate: (value: unknown) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
        defaultMessage: () => `$property must be a whole number from ${min} to ${max}`,
      },
    },
    { ...options, context: rule },
  );
}

export interface DateRule {
  readonly fromYear: number;
  readonly toYear: number;
}

/** Dates in case files lie within living memory and the planning horizon; year 0001 or 9999 is a typing error. */
export const SANE_DATES: DateRule = { fromYear: 1900, toYear: 2100 };

export function isSaneDate(value: unknown, rule: DateRule = SANE_DATES): boolean {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) return false;
  const year = value.getUTCFullYear();
  return year >= rule.fromYear && year <= rule.toYear;
}

export function DateInRange(rule: DateRule = SANE_DATES, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'dateRange',
      constraints: [rule],
      validator: {
        validate: (value: unknown) => isSaneDate(value, rule),
        defaultMessage: () => `$property must be between ${rule.fromYear} and ${rule.toYear}`,
      },
    },
    { ...options, context: rule },
  );
}
