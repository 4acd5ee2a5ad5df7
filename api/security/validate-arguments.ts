import { validate } from 'class-validator';
import { GraphQLID, GraphQLResolveInfo, getNamedType } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { getMetadataStorage, ResolverData, ValidatorFn } from 'type-graphql';
import { BadInput } from '../../domain/errors';
import { isSaneDate, isUuid, SANE_DATES, textProblem, TextRule } from '../../schema/common/validators';
import { dateRangeMessages, firstIssue, Messages, textMessages, uuidMessages, ValidationIssue } from '../errors/validation-messages';

/**
 * type-graphql's `validateFn`: runs for every argument of every resolver.
 *
 * - Input objects and args classes: every string is trimmed, then the
 *   class-validator rules of schema/**\/*.inputs.ts apply.
 * - Scalar arguments: an ID must be a uuid (PostgreSQL would otherwise fail
 *   on it), a String a single line of at most SCALAR_TEXT.max characters, a
 *   DateTime within SANE_DATES.
 *
 * The first problem becomes BAD_USER_INPUT with the argument path
 * (`input.child.givenName`) and the message in Swedish and English.
 */
type TypeValue = Parameters<ValidatorFn>[1];

const SCALAR_TEXT: TextRule = { max: 1_000 };
const MAX_TRIM_DEPTH = 8;

function refuse(field: string, messages: Messages): never {
  throw new BadInput(field, messages.en, messages.sv);
}

function argumentDefinitions(info: GraphQLResolveInfo) {
  return info.parentType.getFields()[info.fieldName]?.args ?? [];
}

function isArgsClass(type: TypeValue): boolean {
  return getMetadataStorage().argumentTypes.some((t) => t.target === type);
}

/** The argument an input object arrived in, found by its GraphQL type. */
function inputArgumentName(type: TypeValue, info: GraphQLResolveInfo): string {
  const typeName = getMetadataStorage().inputTypes.find((t) => t.target === type)?.name;
  return argumentDefinitions(info).find((a) => getNamedType(a.type).name === typeName)?.name ?? 'input';
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime());
}

function scalarArgumentName(value: unknown, args: Record<string, unknown>, info: GraphQLResolveInfo): string {
  return argumentDefinitions(info).find((a) => sameValue(args[a.name], value))?.name ?? 'argument';
}

function trimStrings(value: unknown, depth = 0): void {
  if (depth > MAX_TRIM_DEPTH || value === null || typeof value !== 'object' || value instanceof Date) return;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const inner = record[key];
    if (typeof inner === 'string') record[key] = inner.trim();
    else trimStrings(inner, depth + 1);
  }
}

function checkScalar(name: string, type: TypeValue, value: unknown): void {
  if (type === GraphQLID && !isUuid(value)) refuse(name, uuidMessages(name));
  if (type === String && textProblem(value, SCALAR_TEXT)) refuse(name, textMessages(name, SCALAR_TEXT, value));
  if (type === GraphQLDateTime && !isSaneDate(value)) refuse(name, dateRangeMessages(name, SANE_DATES));
}

async function checkObject(prefix: string, value: object): Promise<void> {
  trimStrings(value);
  const errors = await validate(value, {
    skipMissingProperties: true,
    forbidUnknownValues: false,
    validationError: { target: false, value: true },
  });
  const issue = firstIssue(errors as ValidationIssue[], prefix);
  if (issue) refuse(issue.field, issue.messages);
}

export async function validateArguments(value: unknown, type: TypeValue, { args, info }: ResolverData<object>): Promise<void> {
  if (value === null || value === undefined) return;
  if (typeof value !== 'object' || value instanceof Date) {
    checkScalar(scalarArgumentName(value, args, info), type, value);
    return;
  }
  const prefix = isArgsClass(type) ? '' : inputArgumentName(type, info);
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      if (item !== null && typeof item === 'object') await checkObject(`${prefix}.${index}`, item);
      else checkScalar(`${prefix}.${index}`, type, item);
    }
    return;
  }
  await checkObject(prefix, value);
}
