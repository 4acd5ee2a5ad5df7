import { SettingsDeclaration, unless, wholeBetween } from '../districts/district-setting';

export interface ConsentSettings {
  /** Below this age the guardians consent (the child is heard); from it the youth consents too. */
  readonly consentYouthAge: number;
  /** From this age the youth consents alone. */
  readonly consentAdultAge: number;
  /** The coordinator is warned this many days before a consent's end date. */
  readonly consentExpiryWarningDays: number;
}

export const CONSENT_SETTINGS: SettingsDeclaration<ConsentSettings> = {
  consentYouthAge: {
    api: {
      type: 'Int',
      description: 'Consent: below this age the guardians consent, the child heard; from it the youth consents too. Default 15.',
    },
    default: 15,
    reference: 'OSL 12 kap. 3 § (age and maturity); municipal practice',
    check: (s) => unless(wholeBetween(s.consentYouthAge, 0, 18), 'must be 0–18 years'),
  },
  consentAdultAge: {
    api: { type: 'Int', description: 'Consent: from this age the youth consents alone. Default 18.' },
    default: 18,
    reference: 'OSL 12 kap. 3 §; municipal practice',
    check: (s) =>
      unless(
        wholeBetween(s.consentAdultAge, 15, 21) && s.consentAdultAge >= s.consentYouthAge,
        'must be 15–21 years, not below consentYouthAge',
        'Ange 15–21 år, inte lägre än åldern då den unga samtycker själv.',
      ),
  },
  consentExpiryWarningDays: {
    api: { type: 'Int', description: "Days before a consent's end date that the coordinator is warned. Default 14." },
    default: 14,
    reference: 'practice: the coordinator renews consent before it ends',
    check: (s) => unless(wholeBetween(s.consentExpiryWarningDays, 1, 90), 'must be 1–90 days'),
  },
};

declare module '../districts/district-policy' {
  interface DistrictPolicy extends ConsentSettings {}
}
