import { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, ParseOptions, ValidationContext, ValidationRule } from 'graphql';
import type { GraphQLLimitsConfig } from '../../platform/config';
import { queryCostLimit } from './query-cost';

/** The names formatError lets through in `extensions.limit`. */
export type QueryLimit = 'depth' | 'aliases' | 'cost' | 'directives';

const ADVICE: Record<QueryLimit, string> = {
  depth: 'Ask for fewer nested levels.',
  aliases: 'Use fewer aliases, or send several requests.',
  cost: 'Ask for fewer fields or a smaller page (first).',
  directives: 'Use fewer directives.',
};

/** armor reports through the validation context, so Apollo answers 400 GRAPHQL_VALIDATION_FAILED; we add which limit and what to do. */
function report(limit: QueryLimit): {
  propagateOnRejection: false;
  onReject: ((context: ValidationContext | null, error: GraphQLError) => void)[];
} {
  return {
    propagateOnRejection: false,
    onReject: [
      (context, error) => {
        const message = `${error.message.replace(/^Syntax Error: /, '')} ${ADVICE[limit]}`;
        context?.reportError(new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit } }));
      },
    ],
  };
}

export interface QueryLimits {
  readonly plugins: ApolloServerPlugin[];
  readonly validationRules: ValidationRule[];
  readonly parseOptions: ParseOptions;
}

/**
 * Depth, aliases and directives are graphql-armor validation rules; cost is ours (query-cost.ts), counted
 * with the variables and the list sizes.
 * The token limit is graphql-js's own parser option (a 400 parse error):
 * armor's Apollo token plugin throws from a parsing hook, which Apollo
 * answers with HTTP 500 (executeOperation rejects), and its
 * unexpected-error hook relabels every internal error as a validation
 * failure that carries the internal message.
 */
export function queryLimits(limits: GraphQLLimitsConfig): QueryLimits {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ...report('depth') },
    maxAliases: { n: limits.maxAliases, ...report('aliases') },
    costLimit: { enabled: false },
    maxDirectives: { n: limits.maxDirectives, ...report('directives') },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: !limits.fieldSuggestions },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins: [...plugins, queryCostLimit(limits.maxCost)], validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}
