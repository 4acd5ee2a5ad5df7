import { AgencyKind, Role } from '../access/roles';
import { TalkParticipantRole } from './talk-enums';

/** Who may take part as a professional: the agency kind (any when null) and one of the roles. */
export interface InviteeRule {
  readonly agencyKind: AgencyKind | null;
  readonly roles: readonly Role[];
}

const RULES: Partial<Record<TalkParticipantRole, InviteeRule>> = {
  [TalkParticipantRole.POLICE_OFFICER]: { agencyKind: AgencyKind.POLICE, roles: [Role.POLICE_OFFICER] },
  [TalkParticipantRole.COORDINATOR]: { agencyKind: null, roles: [Role.SSPF_COORDINATOR] },
  [TalkParticipantRole.SOCIAL_WORKER]: {
    agencyKind: AgencyKind.SOCIAL_SERVICES,
    roles: [Role.SOCIAL_WORKER, Role.SOCIAL_SERVICES_SUPERVISOR],
  },
};

/** The rule for a professional role; null for the child, guardians and interpreters, who are no users. */
export function inviteeRule(role: TalkParticipantRole): InviteeRule | null {
  return RULES[role] ?? null;
}
