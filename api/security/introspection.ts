import { ApolloServerPlugin } from '@apollo/server';
import { BREAK, DocumentNode, visit } from 'graphql';
import { Forbidden, Unauthenticated } from '../../domain/errors';
import type { IntrospectionMode } from '../../platform/config';
import { RequestContext } from '../context';

function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Decided per request, after validation: Apollo caches validated documents
 * by their text, so a validation rule that depended on the viewer would let
 * an anonymous request reuse a signed-in viewer's verdict. `__typename` is
 * always allowed; clients need it.
 */
export function introspectionPolicy(mode: IntrospectionMode): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      if (mode === 'on') return;
      return {
        async didResolveOperation({ document, contextValue, response }) {
          if (!introspects(document)) return;
          if (mode === 'authenticated' && contextValue.viewer) return;
          if (mode === 'authenticated') {
            response.http.status = 401;
            throw contextValue.authError ?? new Unauthenticated('Sign in to read the schema.');
          }
          response.http.status = 403;
          throw new Forbidden('Schema introspection is turned off on this server.');
        },
      };
    },
  };
}
