/**
 * The web app's message catalogue: Swedish first, English the switch. It is folded from every
 * `web/src/<folder>/<name>.messages.ts` (Vite's `import.meta.glob`): `i18n/shared.messages.ts` holds the texts
 * several modules use, each module keeps its own beside its pages (`talks/talks.messages.ts` → `t.talks`, `t.forum`).
 * A file adds its sections to `Messages` by declaration merging, and types its English as its Swedish
 * (`const en: typeof sv`), so `t.talks.weekTitle` is checked and a text missing in one language does not compile.
 */

export interface Catalogue<T> {
  readonly sv: T;
  readonly en: T;
}

export type Lang = keyof Catalogue<unknown>;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- every *.messages.ts adds its sections by declaration merging
export interface Messages {}

const FILES = import.meta.glob<Catalogue<object> | undefined>('../*/*.messages.ts', { eager: true, import: 'MESSAGES' });

/** One language's texts; a section is owned by one file (two with the same name would hide one of them). */
function fold(lang: Lang): Messages {
  const owner = new Map<string, string>();
  const messages: Record<string, unknown> = {};
  for (const [file, catalogue] of Object.entries(FILES)) {
    if (!catalogue) throw new Error(`${file} exports no MESSAGES`);
    for (const [section, value] of Object.entries(catalogue[lang])) {
      const first = owner.get(section);
      if (first) throw new Error(`Section "${section}" is in ${first} and ${file}: keep one`);
      owner.set(section, file);
      messages[section] = value;
    }
  }
  // Each file's type is the Messages part it declares, and every file is here: the whole is Messages.
  return messages as unknown as Messages;
}

export const CATALOGUE: Catalogue<Messages> = { sv: fold('sv'), en: fold('en') };
