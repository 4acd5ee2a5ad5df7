import { CONSENT_ACCESS } from '../../api/consent/consent.policy';
import { ConsentResolver } from '../../api/consent/consent.resolver';
import { ConsentEntity } from '../../db/consent/consent.entity';
import { DeadlineKind, DeadlineSubject } from '../../domain/deadlines/deadline-kinds';
import { CONSENT_EXTRACT } from '../../db/consent/consent-extract';
import { ModuleDescriptor } from '../module-descriptor';

export const CONSENT_MODULE: ModuleDescriptor = {
  name: 'consent',
  entities: [ConsentEntity],
  resolvers: [ConsentResolver],
  access: CONSENT_ACCESS,
  deadlineKinds: [DeadlineKind.CONSENT_EXPIRY],
  deadlineSubjects: [DeadlineSubject.CONSENT],
  districtSettings: ['consentYouthAge', 'consentAdultAge', 'consentExpiryWarningDays'],
  extract: CONSENT_EXTRACT,
  personalData: [{ table: 'consent' }],
};
