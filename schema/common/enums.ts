import { registerEnumType } from 'type-graphql';
import { LegalBasis } from '../../domain/access/legal-basis';
import { AgencyKind, Role } from '../../domain/access/roles';
import { TalkDeadlineMode } from '../../domain/districts/district-policy';

registerEnumType(Role, { name: 'Role', description: 'What a user may do; a user has one or more.' });
registerEnumType(AgencyKind, { name: 'AgencyKind' });
registerEnumType(TalkDeadlineMode, { name: 'TalkDeadlineMode', description: 'How a district counts the serious-talk clock.' });
registerEnumType(LegalBasis, { name: 'LegalBasis', description: 'The legal ground on which data about a child is disclosed.' });

export { AgencyKind, LegalBasis, Role, TalkDeadlineMode };
