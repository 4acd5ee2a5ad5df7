import { AgencyKind, Role } from '../access/roles';
import { TalkParticipantRole } from './talk-enums';
import { inviteeRule } from './talk-invitees.rules';

describe('talk invitees', () => {
  it('a police officer must work for the police', () => {
    expect(inviteeRule(TalkParticipantRole.POLICE_OFFICER)).toEqual({ agencyKind: AgencyKind.POLICE, roles: [Role.POLICE_OFFICER] });
  });

  it('a coordinator may come from any agency; a social worker only from social services', () => {
    expect(inviteeRule(TalkParticipantRole.COORDINATOR)).toEqual({ agencyKind: null, roles: [Role.SSPF_COORDINATOR] });
    expect(inviteeRule(TalkParticipantRole.SOCIAL_WORKER)).toEqual({
      agencyKind: AgencyKind.SOCIAL_SERVICES,
      roles: [Role.SOCIAL_WORKER, Role.SOCIAL_SERVICES_SUPERVISOR],
    });
  });

  it('the child, guardians and interpreters are no users', () => {
    for (const role of [TalkParticipantRole.CHILD, TalkParticipantRole.GUARDIAN, TalkParticipantRole.INTERPRETER])
      expect(inviteeRule(role)).toBeNull();
  });
});
