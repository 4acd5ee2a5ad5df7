import { AgencyKind, Role } from '../access/roles';
import { TalkParticipantRole } from './talk-enums';
import { fitsInvitee, inviteeRule } from './talk-invitees.rules';

describe('talk invitees', () => {
  it('a police officer must work for the police', () => {
    const rule = inviteeRule(TalkParticipantRole.POLICE_OFFICER)!;
    expect(fitsInvitee(rule, { agencyKind: AgencyKind.POLICE, roles: [Role.POLICE_OFFICER] })).toBe(true);
    expect(fitsInvitee(rule, { agencyKind: AgencyKind.SCHOOL, roles: [Role.POLICE_OFFICER] })).toBe(false);
    expect(fitsInvitee(rule, { agencyKind: AgencyKind.POLICE, roles: [Role.ANALYST] })).toBe(false);
  });

  it('a coordinator may come from any agency; a social worker only from social services', () => {
    expect(fitsInvitee(inviteeRule(TalkParticipantRole.COORDINATOR)!, { agencyKind: AgencyKind.MUNICIPALITY, roles: [Role.SSPF_COORDINATOR] })).toBe(true);
    const social = inviteeRule(TalkParticipantRole.SOCIAL_WORKER)!;
    expect(fitsInvitee(social, { agencyKind: AgencyKind.SOCIAL_SERVICES, roles: [Role.SOCIAL_SERVICES_SUPERVISOR] })).toBe(true);
    expect(fitsInvitee(social, { agencyKind: AgencyKind.POLICE, roles: [Role.SOCIAL_WORKER] })).toBe(false);
  });

  it('the child, guardians and interpreters are no users', () => {
    for (const role of [TalkParticipantRole.CHILD, TalkParticipantRole.GUARDIAN, TalkParticipantRole.INTERPRETER]) expect(inviteeRule(role)).toBeNull();
  });
});
