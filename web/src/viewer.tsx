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
/** School, police and leisure staff take part in collaboration cases through the team. */
export const PARTNER_ROLES = ['SCHOOL_STAFF', 'POLICE_OFFICER', 'LEISURE_STAFF'];

/** The forum's members: social services decide, the police and the SSPF coordinator read the agenda. */
export const FORUM_ROLES = [...SOCIAL_SERVICES_ROLES, 'POLICE_OFFICER', 'SSPF_COORDINATOR'];

export interface NavItem {
  href: string;
  label: (t: import('./i18n/messages').Messages) => string;
  roles: string[];
}

export const NAV: readonly NavItem[] = [
  { href: '/concerns/new', label: (t) => t.nav.flag, roles: ['SCHOOL_STAFF', 'LEISURE_STAFF'] },
  { href: '/reports/mine', label: (t) => t.nav.myReports, roles: ['SCHOOL_STAFF', 'LEISURE_STAFF', 'AGENCY_LEAD'] },
  // The police land on their reports and whether feedback came; filing a new one is the next item.
  { href: '/reports/mine', label: (t) => t.nav.policeReports, roles: ['POLICE_OFFICER'] },
  { href: '/police/reports/new', label: (t) => t.nav.policeReport, roles: ['POLICE_OFFICER'] },
  { href: '/intake', label: (t) => t.nav.intake, roles: ['SOCIAL_WORKER', 'SOCIAL_SERVICES_SUPERVISOR'] },
  { href: '/overdue', label: (t) => t.nav.overdue, roles: ['SOCIAL_SERVICES_SUPERVISOR'] },
  { href: '/escalations', label: (t) => t.nav.escalations, roles: ['SOCIAL_SERVICES_SUPERVISOR'] },
  { href: '/indicators', label: (t) => t.nav.indicators, roles: ['SOCIAL_SERVICES_SUPERVISOR', 'ANALYST'] },
  { href: '/indicators/talks', label: (t) => t.nav.talkFigures, roles: ['SOCIAL_SERVICES_SUPERVISOR', 'ANALYST'] },
  { href: '/settings/districts', label: (t) => t.nav.policy, roles: ['ADMIN'] },
  { href: '/cases', label: (t) => t.nav.cases, roles: ['SSPF_COORDINATOR'] },
  { href: '/actions', label: (t) => t.nav.myActions, roles: PARTNER_ROLES },
  { href: '/admin/users', label: (t) => t.nav.users, roles: ['ADMIN'] },
  { href: '/admin/agencies', label: (t) => t.nav.agencies, roles: ['ADMIN'] },
  { href: '/talks', label: (t) => t.nav.talksWeek, roles: ['SOCIAL_WORKER', 'SOCIAL_SERVICES_SUPERVISOR'] },
  { href: '/talks/mine', label: (t) => t.nav.myTalks, roles: ['POLICE_OFFICER', 'SSPF_COORDINATOR'] },
  { href: '/forum', label: (t) => t.nav.forum, roles: FORUM_ROLES },
];

export function navFor(viewer: ViewerData): NavItem[] {
  const seen = new Set<string>();
  return NAV.filter((item) => hasRole(viewer, ...item.roles) && !seen.has(item.href) && seen.add(item.href));
}
