import { AgencyKind } from '../access/roles';
import { ConsentScope, coveringConsent, InformationCategory } from '../consent';
import { ActionFacts, actionCategory, isCrimeInformation } from './plan-rules';

/** What a viewer is to a case; decides which parts of it they see (DOMAIN.md §4). */
export type CaseRelation =
  | { readonly kind: 'COORDINATOR' }
  /** Social services in the case's district: the parts the consent's categories cover. */
  | { readonly kind: 'SOCIAL_SERVICES'; readonly categories: ReadonlySet<InformationCategory>; readonly consentId: string | null }
  /** A partner on the team, while a valid consent covers their agency. */
  | { readonly kind: 'PARTNER'; readonly consentId: string; readonly categories: ReadonlySet<InformationCategory> }
  | { readonly kind: 'NONE' };

export interface CaseViewer {
  readonly userId: string;
  readonly agencyId: string;
  readonly agencyKind: AgencyKind;
  readonly isPublicAuthority: boolean;
  readonly isSocialServicesInDistrict: boolean;
}

export interface CaseMembership {
  readonly coordinatorUserId: string;
  readonly teamUserIds: readonly string[];
  readonly consents: readonly ConsentScope[];
}

export function caseRelation(viewer: CaseViewer, theCase: CaseMembership, at: Date): CaseRelation {
  if (viewer.userId === theCase.coordinatorUserId) return { kind: 'COORDINATOR' };
  if (viewer.isSocialServicesInDistrict) {
    const valid = theCase.consents.filter((c) => coveringConsent([c], viewer.agencyId, at) !== null);
    return {
      kind: 'SOCIAL_SERVICES',
      categories: new Set([InformationCategory.SOCIAL_SERVICES_CONTACTS, ...valid.flatMap((c) => c.categories)]),
      consentId: valid[0]?.id ?? null,
    };
  }
  if (theCase.teamUserIds.includes(viewer.userId)) {
    const consent = coveringConsent(theCase.consents, viewer.agencyId, at);
    if (consent) return { kind: 'PARTNER', consentId: consent.id, categories: new Set(consent.categories) };
  }
  return { kind: 'NONE' };
}

export interface ActionVisibilityFacts extends ActionFacts {
  readonly responsibleAgencyId: string;
}

/** Whether the viewer sees an action at all, and its text. */
export function actionVisibility(viewer: CaseViewer, relation: CaseRelation, action: ActionVisibilityFacts): 'FULL' | 'HIDDEN' {
  // GDPR art. 10: crime information never reaches a private association, whatever the consent says.
  if (!viewer.isPublicAuthority && isCrimeInformation(action)) return 'HIDDEN';
  switch (relation.kind) {
    case 'COORDINATOR':
      return 'FULL';
    case 'SOCIAL_SERVICES':
      return relation.categories.has(actionCategory(action)) ? 'FULL' : 'HIDDEN';
    case 'PARTNER':
      return action.responsibleAgencyId === viewer.agencyId && action.responsibleAgencyKind !== AgencyKind.SOCIAL_SERVICES
        ? 'FULL'
        : 'HIDDEN';
    case 'NONE':
      return 'HIDDEN';
  }
}

/** A partner sees a meeting's date only when they attend it. */
export function seesMeeting(viewer: CaseViewer, relation: CaseRelation, attendeeUserIds: readonly string[]): boolean {
  if (relation.kind === 'COORDINATOR' || relation.kind === 'SOCIAL_SERVICES') return true;
  return relation.kind === 'PARTNER' && attendeeUserIds.includes(viewer.userId);
}
