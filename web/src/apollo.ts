import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { getToken } from './auth/session';

/** The API at the same origin; every request carries the signed-in user's token, and UNAUTHENTICATED ends the session. */
export function createApolloClient(onUnauthenticated: () => void): ApolloClient {
  const auth = new SetContextLink((prev) => {
    const token = getToken();
    return { headers: { ...prev.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } };
  });
  const signOutOnExpiry = new ErrorLink(({ error }) => {
    if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) onUnauthenticated();
  });
  return new ApolloClient({
    link: ApolloLink.from([signOutOnExpiry, auth, new HttpLink({ uri: '/graphql' })]),
    cache: new InMemoryCache({
      typePolicies: { Query: { fields: { intakeQueue: { keyArgs: ['filter'] }, myReports: { keyArgs: ['filter'] } } } },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
