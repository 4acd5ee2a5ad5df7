import { DateRule, IntRule, TextProblem, textProblem, TextRule } from '../../schema/common/validators';

/** What a user reads when an input is refused: both languages name the field. */
export interface Messages {
  readonly en: string;
  readonly sv: string;
}

const TEXT: Record<TextProblem, (field: string, rule: TextRule) => Messages> = {
  NOT_TEXT: (f) => ({ en: `${f} must be text.`, sv: `${f} ska vara text.` }),
  TOO_SHORT: (f, rule) => ((rule.min ?? 0) <= 1
    ? { en: `Fill in ${f}.`, sv: `Fyll i ${f}.` }
    : { en: `${f} needs at least ${rule.min} characters.`, sv: `${f} behöver minst ${rule.min} tecken.` }),
  TOO_LONG: (f, rule) => ({ en: `${f} can be at most ${rule.max} characters.`, sv: `${f} får vara högst ${rule.max} tecken.` }),
  CONTROL_CHARACTER: (f) => ({
    en: `${f} contains control characters (such as NUL or text-direction overrides). Remove them.`,
    sv: `${f} innehåller styrtecken (till exempel NUL eller riktningsstyrning). Ta bort dem.`,
  }),
  LINE_BREAK: (f) => ({ en: `${f} must be a single line: remove line breaks and tabs.`, sv: `${f} ska vara en enda rad: ta bort radbrytningar och tabbar.` }),
  INVALID_UNICODE: (f) => ({
    en: `${f} contains broken characters (invalid Unicode). Type or paste the text again.`,
    sv: `${f} innehåller trasiga tecken (ogiltig Unicode). Skriv eller klistra in texten igen.`,
  }),
};

export function textMessages(field: string, rule: TextRule, value: unknown): Messages {
  // A list of texts (`each: true`) is described by its first bad item.
  const item = Array.isArray(value) ? value.find((v) => textProblem(v, rule) !== null) : value;
  return TEXT[textProblem(item, rule) ?? 'NOT_TEXT'](field, rule);
}

export function uuidMessages(field: string): Messages {
  return { en: `${field} must be an id from Samverka (a UUID).`, sv: `${field} ska vara ett id från Samverka (ett UUID).` };
}

export function intRangeMessages(field: string, rule: IntRule): Messages {
  return { en: `${field} must be a whole number from ${rule.min} to ${rule.max}.`, sv: `${field} ska vara ett heltal från ${rule.min} till ${rule.max}.` };
}

export function dateRangeMessages(field: string, rule: DateRule): Messages {
  return {
    en: `${field} must be a date between the years ${rule.fromYear} and ${rule.toYear}.`,
    sv: `${field} ska vara ett datum mellan åren ${rule.fromYear} och ${rule.toYear}.`,
  };
}

export function fallbackMessages(field: string): Messages {
  return { en: `Check ${field}.`, sv: `Kontrollera ${field}.` };
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
