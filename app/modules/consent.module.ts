import { ConsentEntity } from '../../db/consent/consent.entity';
import { DeadlineKind, DeadlineSubject } from '../../domain/deadlines/deadline-kinds';
import { ModuleDescriptor } from '../module-descriptor';

export const CONSENT_MODULE: ModuleDescriptor = {
  name: 'consent',
  entities: [ConsentEntity],
  deadlineKinds: [DeadlineKind.CONSENT_EXPIRY],
  deadlineSubjects: [DeadlineSubject.CONSENT],
  districtSettings: ['consentGuardianAge', 'consentExpiryWarningDays'],
  personalData: [{ table: 'consent' }],
};
