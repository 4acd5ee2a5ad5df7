import { createContext, useContext } from 'react';
import { graphql } from './gql';
import type { ViewerQuery } from './gql/graphql';

export const VIEWER_QUERY = graphql(`
  query Viewer {
    viewer {
      id
      email
      displayName
      roles
      agency {
        id
        name
        kind
        dutyToReport
      }
      districts {
        id
        name
        policy {
          reminderPercents
          timeZone
        }
      }
    }
  }
`);

export type ViewerData = ViewerQuery['viewer'];

export const ViewerContext = createContext<ViewerData | null>(null);

export function useViewer(): ViewerData {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer outside a signed-in page');
  return viewer;
}

export function hasRole(viewer: ViewerData, ...roles: string[]): boolean {
  return viewer.roles.some((r) => roles.includes(r));
}

/** The district's reminder steps colour the clocks; the first district's when the child's is unknown. */
export function reminderPercentsFor(viewer: ViewerData, districtId?: string | null): readonly number[] {
  const district = viewer.districts.find((d) => d.id === districtId) ?? viewer.districts[0];
  return district?.policy.reminderPercents ?? [];
}

export const SOCIAL_SERVICES_ROLES = ['SOCIAL_WORKER', 'SOCIAL_SERVICES_SUPERVISOR'];
/** School, police and leisure staff, and a school head, take part in collaboration cases through the team. */
export const PARTNER_ROLES = ['SCHOOL_STAFF', 'POLICE_OFFICER', 'LEISURE_STAFF', 'AGENCY_LEAD'];

/** The forum's members: social services decide, the police and the SSPF coordinator read the agenda. */
export const FORUM_ROLES = [...SOCIAL_SERVICES_ROLES, 'POLICE_OFFICER', 'SSPF_COORDINATOR'];
