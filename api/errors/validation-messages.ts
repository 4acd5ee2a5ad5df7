import { FieldLabels, fieldLabel, SHARED_FIELD_LABELS } from '../../domain/messages/field-labels';
import { DateRule, IntRule, TextProblem, textProblem, TextRule } from '../../schema/common/validators';

/** What a user reads when an input is refused: both languages name the field. */
export interface Messages {
  readonly en: string;
  readonly sv: string;
}

/** How a message names a field: its label from the catalogue, or the path when it has none. */
export interface FieldNames {
  /** Swedish, starting a sentence: "Beskrivning". */
  readonly sv: string;
  /** English, inside a sentence: "the description". */
  readonly en: string;
  /** English, starting a sentence: "The description". */
  readonly En: string;
}

const lowerFirst = (text: string) => (/^[A-ZÅÄÖ][A-ZÅÄÖ]/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1));
const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

let labels: FieldLabels = SHARED_FIELD_LABELS;

/**
 * The catalogue the messages name fields from: the registry's, folded from the module descriptors, set when the
 * schema is built (error formatting runs outside any request's deps). Labels only add: every registry of a process
 * folds the same descriptors, and a name has one label.
 */
export function useFieldLabels(more: FieldLabels): void {
  labels = { ...labels, ...more };
}

export function fieldNames(field: string): FieldNames {
  const label = fieldLabel(field, labels);
  if (!label) return { sv: field, en: field, En: field };
  const en = `the ${lowerFirst(label.en)}`;
  return { sv: label.sv, en, En: upperFirst(en) };
}

const TEXT: Record<TextProblem, (f: FieldNames, rule: TextRule) => Messages> = {
  NOT_TEXT: (f) => ({ en: `${f.En} must be text.`, sv: `${f.sv} ska vara text.` }),
  TOO_SHORT: (f, rule) =>
    (rule.min ?? 0) <= 1
      ? { en: `Fill in ${f.en}.`, sv: `${f.sv} måste fyllas i.` }
      : { en: `${f.En} needs at least ${rule.min} characters.`, sv: `${f.sv} behöver minst ${rule.min} tecken.` },
  TOO_LONG: (f, rule) => ({ en: `${f.En} can be at most ${rule.max} characters.`, sv: `${f.sv} får vara högst ${rule.max} tecken.` }),
  CONTROL_CHARACTER: (f) => ({
    en: `${f.En} contains control characters (such as NUL or text-direction overrides). Remove them.`,
    sv: `${f.sv} innehåller styrtecken (till exempel NUL eller riktningsstyrning). Ta bort dem.`,
  }),
  FORMAT_CHARACTER: (f) => ({
    en: `${f.En} contains invisible characters (zero-width spaces, joiners or direction marks). Type it again without them.`,
    sv: `${f.sv} innehåller osynliga tecken (nollbreddsmellanslag, sammanfogare eller riktningsmarkeringar). Skriv in det igen utan dem.`,
  }),
  LINE_BREAK: (f) => ({
    en: `${f.En} must be a single line: remove line breaks and tabs.`,
    sv: `${f.sv} ska vara en enda rad: ta bort radbrytningar och tabbar.`,
  }),
  INVALID_UNICODE: (f) => ({
    en: `${f.En} contains broken characters (invalid Unicode). Type or paste the text again.`,
    sv: `${f.sv} innehåller trasiga tecken (ogiltig Unicode). Skriv eller klistra in texten igen.`,
  }),
};

export function textMessages(field: string, rule: TextRule, value: unknown): Messages {
  // A list of texts (`{ each: true }`) is explained by its first bad item.
  const checked = Array.isArray(value) ? value.find((v) => textProblem(v, rule) !== null) : value;
  return TEXT[textProblem(checked, rule) ?? 'NOT_TEXT'](fieldNames(field), rule);
}

export function uuidMessages(field: string): Messages {
  const f = fieldNames(field);
  return { en: `${f.En} must be an id from Samverka (a UUID).`, sv: `${f.sv} ska vara ett id från Samverka (ett UUID).` };
}

export function intRangeMessages(field: string, rule: IntRule): Messages {
  const f = fieldNames(field);
  return {
    en: `${f.En} must be a whole number from ${rule.min} to ${rule.max}.`,
    sv: `${f.sv} ska vara ett heltal från ${rule.min} till ${rule.max}.`,
  };
}

export function dateRangeMessages(field: string, rule: DateRule): Messages {
  const f = fieldNames(field);
  return {
    en: `${f.En} must be a date between the years ${rule.fromYear} and ${rule.toYear}.`,
    sv: `${f.sv} ska vara ett datum mellan åren ${rule.fromYear} och ${rule.toYear}.`,
  };
}

export function fallbackMessages(field: string): Messages {
  const f = fieldNames(field);
  return { en: `Check ${f.en}.`, sv: `Kontrollera fältet ${f.sv}.` };
}

/** One failed class-validator constraint, by the name our decorators in schema/common/validators.ts register. */
export function constraintMessages(field: string, constraint: string, context: unknown, value: unknown): Messages {
  switch (constraint) {
    case 'text':
      return textMessages(field, context as TextRule, value);
    case 'uuid':
      return uuidMessages(field);
    case 'intRange':
      return intRangeMessages(field, context as IntRule);
    case 'dateRange':
      return dateRangeMessages(field, context as DateRule);
    default:
      return fallbackMessages(field);
  }
}

/** The class-validator error shape, as type-graphql passes it on. */
export interface ValidationIssue {
  property: string;
  value?: unknown;
  constraints?: Record<string, string>;
  contexts?: Record<string, unknown>;
  children?: ValidationIssue[];
}

/** The first failed constraint, depth first, with its path from the argument (`input.child.givenName`). */
export function firstIssue(issues: readonly ValidationIssue[], prefix = ''): { field: string; messages: Messages } | null {
  for (const issue of issues) {
    const field = prefix ? `${prefix}.${issue.property}` : issue.property;
    const constraint = issue.constraints ? Object.keys(issue.constraints)[0] : undefined;
    if (constraint) return { field, messages: constraintMessages(field, constraint, issue.contexts?.[constraint], issue.value) };
    const nested = firstIssue(issue.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}
