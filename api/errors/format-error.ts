import { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError } from '../../domain/errors';

export const INTERNAL_MESSAGE = 'Internal server error';

interface ValidationIssue {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationIssue[];
}

function firstIssue(issues: ValidationIssue[], prefix = ''): { field: string; message: string } | null {
  for (const issue of issues) {
    const path = prefix ? `${prefix}.${issue.property}` : issue.property;
    if (issue.constraints) {
      return { field: path, message: Object.values(issue.constraints)[0] };
    }
    const nested = firstIssue(issue.children ?? [], path);
    if (nested) return nested;
  }
  return null;
}

/** Codes produced by graphql-js and Apollo for a bad request; their messages are safe to show. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'BAD_REQUEST',
]);

/**
 * Maps every error to what a client may see. App errors keep their code and
 * message; request errors keep graphql's message; everything else is masked.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };

  if (original instanceof AppError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }

  const validationErrors = (original as { extensions?: { validationErrors?: ValidationIssue[] } } | null)?.extensions?.validationErrors;
  if (validationErrors) {
    const issue = firstIssue(validationErrors);
    return {
      ...base,
      message: issue ? `Check ${issue.field}: ${issue.message}.` : 'Check the input.',
      extensions: { code: 'BAD_USER_INPUT', field: issue?.field },
    };
  }

  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return { ...base, message: formatted.message, extensions: { code } };
  }
  return { ...base, message: INTERNAL_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
