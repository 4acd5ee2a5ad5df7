import { graphql } from '../gql';

/** The fields of `ChildSummary`: what a list of children to choose from shows. */
graphql(`
  fragment ChildSummaryFields on Child {
    id
    givenName
    familyName
    birthDate
    district {
      id
      name
    }
  }
`);

/** A child as the identity panel lists it: only what intake needs to tell records apart. */
export interface ChildSummary {
  id: string;
  givenName?: string | null;
  familyName?: string | null;
  birthDate?: string | null;
  district?: { name: string } | null;
}

export function childName(child: { givenName?: string | null; familyName?: string | null }): string {
  return `${child.givenName ?? ''} ${child.familyName ?? ''}`.trim();
}
