import { CONSENT_ACCESS } from '../../api/consent/consent.policy';
import { ConsentResolver } from '../../api/consent/consent.resolver';
import { ConsentEntity } from '../../db/consent/consent.entity';
import { consentScope } from '../../db/consent/consent.scope';
import { CONSENT_LABELS } from '../../domain/consent/consent.labels';
import { CONSENT_SETTINGS } from '../../domain/consent/consent.settings';
import { CONSENT_EXTRACT } from '../../db/consent/consent-extract';
import { ModuleDescriptor } from '../module-descriptor';
import { CONSENT_RETENTION } from '../../db/consent/consent-retention';

export const CONSENT_MODULE: ModuleDescriptor = {
  name: 'consent',
  fieldLabels: CONSENT_LABELS,
  entities: [ConsentEntity],
  resolvers: [ConsentResolver],
  access: CONSENT_ACCESS,
  scope: consentScope,
  deadlineKinds: ['CONSENT_EXPIRY'],
  deadlineSubjects: ['CONSENT'],
  districtSettings: CONSENT_SETTINGS,
  extract: CONSENT_EXTRACT,
  personalData: [{ table: 'consent', retention: CONSENT_RETENTION }],
};
