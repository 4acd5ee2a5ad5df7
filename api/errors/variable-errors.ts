import { ASTNode, BREAK, parse, visit } from 'graphql';
import { FieldNames, fieldNames, Messages } from './validation-messages';

/**
 * graphql-js names a bad variable as `Variable "$input" got invalid value
 * <the value> at "input.x"; <why>`. The value is whatever the client sent: a
 * personal identity number, a megabyte of text. This rebuilds the message from
 * the parts that come from the schema (variable, path, type names) and drops
 * the value, so nothing submitted is echoed into responses or logs.
 */
export interface VariableProblem {
  readonly field: string;
  readonly messages: Messages;
}

const NAME = String.raw`[_A-Za-z][_0-9A-Za-z]*`;
const TYPE = String.raw`[_A-Za-z\[\]!][_0-9A-Za-z\[\]!]*`;
const PATH = new RegExp(String.raw`^(${NAME}(?:\.${NAME}|\[\d+\])*)$`);

const NOT_PROVIDED = new RegExp(String.raw`^Variable "\$(${NAME})" of required type "(${TYPE})" was not provided\.$`);
const MUST_NOT_BE_NULL = new RegExp(String.raw`^Variable "\$(${NAME})" of non-null type "(${TYPE})" must not be null\.$`);
const INVALID_VALUE = new RegExp(String.raw`^Variable "\$(${NAME})" got invalid value `);
const AT_PATH = / at "([^"]*)"$/;

type Reason = (field: FieldNames) => Messages;

/** Why the value was refused, from graphql-js's wording; only schema names are kept. */
const REASONS: readonly [RegExp, (match: RegExpExecArray) => { suffix?: string; reason: Reason }][] = [
  [
    new RegExp(String.raw`^Field "(${NAME})" of required type "(${TYPE})" was not provided\.`),
    (m) => ({
      suffix: `.${m[1]}`,
      reason: (f) => ({ en: `${f.En} is required (${m[2]}).`, sv: `${f.sv} måste anges (${m[2]}).` }),
    }),
  ],
  [
    new RegExp(String.raw`^Field "[\s\S]*" is not defined by type "(${NAME})"\.`),
    (m) => ({
      reason: (f) => ({
        en: `${f.En} holds a field that ${m[1]} does not have. Remove it.`,
        sv: `${f.sv} innehåller ett fält som ${m[1]} inte har. Ta bort det.`,
      }),
    }),
  ],
  [
    new RegExp(String.raw`^Expected non-nullable type "(${TYPE})" not to be null\.`),
    (m) => ({
      reason: (f) => ({ en: `${f.En} must not be null (${m[1]}).`, sv: `${f.sv} får inte vara null (${m[1]}).` }),
    }),
  ],
  [
    new RegExp(String.raw`^Expected type "(${NAME})" to be an object\.`),
    (m) => ({
      reason: (f) => ({ en: `${f.En} must be an object of type ${m[1]}.`, sv: `${f.sv} ska vara ett objekt av typen ${m[1]}.` }),
    }),
  ],
  [
    new RegExp(String.raw`^(?:Value "[\s\S]*" does not exist in "(${NAME})" enum|Enum "(${NAME})" cannot represent)`),
    (m) => ({
      reason: (f) => ({
        en: `${f.En} must be one of the ${m[1] ?? m[2]} values.`,
        sv: `${f.sv} ska vara ett av värdena i ${m[1] ?? m[2]}.`,
      }),
    }),
  ],
  [
    new RegExp(String.raw`^(?:Expected type "(${NAME})"|(${NAME}) cannot represent)`),
    (m) => ({
      reason: (f) => ({
        en: `${f.En} must be a valid ${m[1] ?? m[2]}.`,
        sv: `${f.sv} ska vara ett giltigt värde av typen ${m[1] ?? m[2]}.`,
      }),
    }),
  ],
];

function invalid(field: string): Messages {
  const f = fieldNames(field);
  return { en: `${f.En} has an invalid value.`, sv: `${f.sv} har ett ogiltigt värde.` };
}

/**
 * Where the operation passes a variable: `input` for `createChild(input: $i)`,
 * `input.child` for `flagConcern(input: { child: $c, … })`. Fields are named by
 * the schema's argument path, as the argument validation names them, whatever
 * the client called its variables.
 */
export function argumentPathOf(query: string, variable: string): string | undefined {
  let found: string | undefined;
  const path: string[] = [];
  try {
    visit(parse(query, { noLocation: true }), {
      Argument: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
      ObjectField: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
      Variable(node, _key, parent) {
        if (node.name.value !== variable || (parent as ASTNode | undefined)?.kind === 'VariableDefinition' || path.length === 0)
          return undefined;
        found = path.join('.');
        return BREAK;
      },
    });
  } catch {
    return undefined;
  }
  return found;
}

/**
 * `message` is graphql-js's; `reason` is the message of the error it wraps
 * (the scalar's or the input object's), which ends the full message; `query`
 * is the operation's text, to name the argument the variable went into.
 */
export function describeVariableProblem(message: string, reason: string | undefined, query?: string): VariableProblem | null {
  const argument = (variable: string) => (query && argumentPathOf(query, variable)) || variable;
  const missing = NOT_PROVIDED.exec(message) ?? MUST_NOT_BE_NULL.exec(message);
  if (missing) {
    const field = argument(missing[1]);
    const f = fieldNames(field);
    return {
      field,
      messages: {
        en: `${f.En} is required: the variable $${missing[1]} (${missing[2]}) has no value.`,
        sv: `${f.sv} måste anges: variabeln $${missing[1]} (${missing[2]}) saknar värde.`,
      },
    };
  }
  const variable = INVALID_VALUE.exec(message);
  if (!variable) return null;

  let field = variable[1];
  let why = reason;
  if (reason !== undefined && message.endsWith(`; ${reason}`)) {
    const prefix = message.slice(0, message.length - reason.length - 2);
    const at = AT_PATH.exec(prefix)?.[1];
    if (at && PATH.test(at) && at.startsWith(field)) field = at;
  } else {
    why = undefined;
  }
  field = `${argument(variable[1])}${field.slice(variable[1].length)}`;
  for (const [pattern, describe] of REASONS) {
    const match = why === undefined ? null : pattern.exec(why);
    if (!match) continue;
    const { suffix, reason: explain } = describe(match);
    const full = suffix ? `${field}${suffix}` : field;
    return { field: full, messages: explain(fieldNames(full)) };
  }
  return { field, messages: invalid(field) };
}
