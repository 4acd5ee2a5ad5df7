import { graphql } from '../gql';
import type { CollaborationCaseQuery } from '../gql/graphql';

export const COLLABORATION_CASE = graphql(`
  query CollaborationCase($id: ID!) {
    collaborationCase(id: $id) {
      id
      reference
      model
      suggestedModel
      state
      concern
      openedAt
      closedAt
      closingReason
      closingNote
      nextFollowUpAt
      child {
        id
        givenName
        familyName
        age
      }
      coordinator {
        id
        displayName
      }
      consents {
        id
        givenByYouth
        guardianCount
        complete
        form
        oralNote
        documentReference
        givenAt
        endsAt
        withdrawnAt
        valid
        categories
        agencies {
          id
          name
          kind
        }
      }
      team {
        id
        role
        addedAt
        person {
          id
          displayName
        }
        agency {
          id
          name
          kind
        }
      }
      youthGoals
      agencyGoals {
        text
        agency {
          id
          name
        }
      }
      actions {
        id
        kind
        description
        dueAt
        status
        cancelReason
        overdue
        responsibleAgency {
          id
          name
          kind
        }
        responsible {
          id
          displayName
        }
      }
      meetings {
        id
        kind
        scheduledAt
        heldAt
        cancelledAt
        cancelReason
        decisions
        planChanges
        attendees {
          id
          displayName
        }
      }
    }
  }
`);

export type CaseData = CollaborationCaseQuery['collaborationCase'];

/** After a change the case is read again, so every panel shows what the API now holds. */
export interface Refetch {
  refetchQueries: string[];
  awaitRefetchQueries: boolean;
}
export const REFETCH_CASE: Refetch = { refetchQueries: ['CollaborationCase', 'TeamCandidates'], awaitRefetchQueries: true };

/** The people a plan action or meeting can name: the coordinator and the team. */
export function casePeople(c: CaseData): { id: string; name: string; agency: string }[] {
  const people = new Map<string, { id: string; name: string; agency: string }>();
  if (c.coordinator) people.set(c.coordinator.id, { id: c.coordinator.id, name: c.coordinator.displayName ?? '', agency: '' });
  for (const m of c.team ?? []) {
    if (m.person) people.set(m.person.id, { id: m.person.id, name: m.person.displayName ?? '', agency: m.agency?.name ?? '' });
  }
  return [...people.values()];
}
