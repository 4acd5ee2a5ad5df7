import { SettingsDeclaration, unless } from './district-setting';

/** The district's own settings. */
export interface DistrictsSettings {
  readonly timeZone: string;
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const DISTRICTS_SETTINGS: SettingsDeclaration<DistrictsSettings> = {
  timeZone: {
    api: { type: 'String', text: { min: 1, max: 64 } },
    default: 'Europe/Stockholm',
    reference: 'Swedish municipalities (DOMAIN.md §3: days and hours are local)',
    check: (s) => unless(isKnownTimeZone(s.timeZone), 'must be an IANA time zone such as Europe/Stockholm'),
  },
};

declare module './district-policy' {
  interface DistrictPolicy extends DistrictsSettings {}
}
