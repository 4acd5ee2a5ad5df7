import { createContext, ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { CATALOGUE, Lang, Messages } from './messages';
import { STOCKHOLM_TIME_ZONE } from '../../../domain/time/calendar-date';

const STORAGE_KEY = 'samverka.lang';

interface I18n {
  readonly lang: Lang;
  readonly t: Messages;
  setLang(lang: Lang): void;
  formatDateTime(iso: string | null | undefined): string;
  formatDate(iso: string | null | undefined): string;
  /** 14:30 in the district's zone. */
  formatTime(iso: string | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'sv';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const locale = lang === 'sv' ? 'sv-SE' : 'en-GB';
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: STOCKHOLM_TIME_ZONE });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: STOCKHOLM_TIME_ZONE });
    const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: STOCKHOLM_TIME_ZONE });
    return {
      lang,
      t: CATALOGUE[lang],
      setLang(next) {
        localStorage.setItem(STORAGE_KEY, next);
        setLangState(next);
      },
      formatDateTime: (iso) => (iso ? dateTime.format(new Date(iso)) : '–'),
      formatDate: (iso) => (iso ? date.format(new Date(iso)) : '–'),
      formatTime: (iso) => (iso ? time.format(new Date(iso)) : '–'),
    };
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
