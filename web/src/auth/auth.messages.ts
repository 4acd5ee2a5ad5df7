import type { Catalogue } from '../i18n/messages';

/** The texts of the auth pages: `t.signIn`. Folded into the catalogue by i18n/messages.ts. */
const sv = {
  signIn: {
    title: 'Logga in',
    devIntro: 'Utvecklingsläge: välj en demoanvändare. Inloggningen gäller i alla flikar i den här webbläsaren.',
    oidcIntro: 'Logga in med kommunens inloggningstjänst.',
    oidcButton: 'Logga in',
    none: 'Inloggning är inte konfigurerad på den här servern.',
    callbackFailed: 'Inloggningen misslyckades. Försök igen.',
    expired: 'Din session har gått ut. Logga in igen.',
    sessionEnded: 'Din inloggning har gått ut. Logga in igen – det du skrivit finns kvar.',
    again: 'Logga in igen',
    againNewTab: '(öppnas i en ny flik)',
  },
};

const en: typeof sv = {
  signIn: {
    title: 'Sign in',
    devIntro: 'Development mode: pick a demo user. The sign-in holds for every tab of this browser.',
    oidcIntro: "Sign in with the municipality's identity provider.",
    oidcButton: 'Sign in',
    none: 'Sign-in is not configured on this server.',
    callbackFailed: 'Sign-in failed. Try again.',
    expired: 'Your session has expired. Sign in again.',
    sessionEnded: 'Your sign-in has expired. Sign in again – what you have written is kept.',
    again: 'Sign in again',
    againNewTab: '(opens in a new tab)',
  },
};

export const MESSAGES: Catalogue<AuthMessages> = { sv, en };

type AuthMessages = typeof sv;

declare module '../i18n/messages' {
  interface Messages extends AuthMessages {}
}
