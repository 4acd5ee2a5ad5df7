import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError, BadInput } from '../../domain/errors';
import { fallbackMessages, firstIssue, ValidationIssue } from './validation-messages';
import { describeVariableProblem } from './variable-errors';

export const INTERNAL_MESSAGE = 'Internal server error';

/** Codes produced by graphql-js and Apollo for a bad request; their messages are about the request, not the server. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'BAD_REQUEST',
]);

/** Request errors quote the query (field names, literals); a long quote helps nobody and costs bandwidth. */
export const MAX_REQUEST_MESSAGE = 600;

/** The query limits (api/security/query-limits.ts) name which limit refused the operation. */
const LIMIT_NAMES = new Set(['depth', 'aliases', 'cost', 'directives']);

export interface FormatErrorOptions {
  /** "Did you mean …" hints; off in production, where they map the schema for an attacker. */
  readonly fieldSuggestions: boolean;
}

function clip(message: string): string {
  return message.length > MAX_REQUEST_MESSAGE ? `${message.slice(0, MAX_REQUEST_MESSAGE)}…` : message;
}

function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean[\s\S]*$/, '').replace(/\s*\[Suggestion hidden\]\??/g, '');
}

/** Apollo refuses some requests (a persisted-query hash that does not match) with a 4xx status and no code, which it reports as internal. */
function apolloBadRequest(error: unknown): string | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const status = (error.extensions.http as { status?: number } | undefined)?.status;
  return status !== undefined && status >= 400 && status < 500 ? 'BAD_REQUEST' : undefined;
}

/** Resolver errors arrive wrapped once; errors from plugin hooks (rate limits, introspection) wrapped without a path. */
function appErrorIn(error: unknown): AppError | null {
  let current = error;
  for (let depth = 0; depth < 3 && current; depth++) {
    if (current instanceof AppError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return null;
}

function appError(error: AppError, base: Pick<GraphQLFormattedError, 'locations' | 'path'>): GraphQLFormattedError {
  const extensions: Record<string, unknown> = { code: error.code, ...error.details };
  // Every refused input names its field in both languages, also where a service gave English only.
  if (error instanceof BadInput && !extensions.messages) {
    extensions.messages = { en: error.message, sv: fallbackMessages(error.field).sv };
  }
  return { ...base, message: error.message, extensions };
}

/**
 * Maps every error to what a client may see. App errors keep their code and
 * message; request errors keep graphql's message, without submitted values or
 * (in production) suggestions; everything else is masked.
 */
export function createFormatError(options: FormatErrorOptions) {
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const original = unwrapResolverError(error);
    const base = { locations: formatted.locations, path: formatted.path };

    const app = appErrorIn(error);
    if (app) return appError(app, base);

    const validationErrors = (original as { extensions?: { validationErrors?: ValidationIssue[] } } | null)?.extensions?.validationErrors;
    if (validationErrors) {
      const issue = firstIssue(validationErrors);
      const field = issue?.field ?? 'input';
      const messages = issue?.messages ?? fallbackMessages(field);
      return { ...base, message: messages.en, extensions: { code: 'BAD_USER_INPUT', field, messages } };
    }

    const given = formatted.extensions?.code;
    const code = given === 'INTERNAL_SERVER_ERROR' ? (apolloBadRequest(original) ?? given) : given;
    if (typeof code !== 'string' || !REQUEST_ERROR_CODES.has(code)) {
      return { ...base, message: INTERNAL_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    if (code === 'BAD_USER_INPUT') {
      const wrapped = (original as GraphQLError | null)?.originalError;
      const query = (original as GraphQLError | null)?.source?.body;
      const problem = describeVariableProblem(formatted.message, wrapped instanceof Error ? wrapped.message : undefined, query);
      if (problem) {
        return { ...base, message: problem.messages.en, extensions: { code, field: problem.field, messages: problem.messages } };
      }
    }
    const message = clip(options.fieldSuggestions ? formatted.message : withoutSuggestions(formatted.message));
    const limit = formatted.extensions?.limit;
    return { ...base, message, extensions: typeof limit === 'string' && LIMIT_NAMES.has(limit) ? { code, limit } : { code } };
  };
}

/** For callers without configuration: suggestions on, as in development. */
export const formatError = createFormatError({ fieldSuggestions: true });
