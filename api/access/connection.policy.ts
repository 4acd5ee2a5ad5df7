import type { PageInfoType } from '../../schema/common/page.type';
import { always } from '../../domain/access/conditions';
import { definePolicy, grant } from '../../domain/access/policy';
import { ALL_ROLES } from '../../domain/access/roles';

const anyoneSignedIn = [grant(ALL_ROLES, always, null)];

export const pageInfoPolicy = definePolicy<PageInfoType>()({
  type: 'PageInfo',
  personal: false,
  rows: anyoneSignedIn,
  facts: () => ({}),
  fields: { hasNextPage: anyoneSignedIn, endCursor: anyoneSignedIn },
});

/** Connection and edge wrappers carry no data of their own; their nodes have their own policy. */
export function connectionPolicies(node: string) {
  return [
    definePolicy<{ edges: unknown; pageInfo: unknown }>()({
      type: `${node}Connection`,
      personal: false,
      rows: anyoneSignedIn,
      facts: () => ({}),
      fields: { edges: anyoneSignedIn, pageInfo: anyoneSignedIn },
    }),
    definePolicy<{ cursor: unknown; node: unknown }>()({
      type: `${node}Edge`,
      personal: false,
      rows: anyoneSignedIn,
      facts: () => ({}),
      fields: { cursor: anyoneSignedIn, node: anyoneSignedIn },
    }),
  ];
}
