import { foldFieldLabels, type FieldLabels } from '../../../domain/messages/field-labels';

/**
 * The names of input fields as the API's messages name them: the shared ones and every module's
 * `domain/<m>/<m>.labels.ts`, found by Vite's glob, so a new module's labels need no line here. A name labelled twice
 * fails as it does on the server (`foldFieldLabels`).
 */
const FILES = import.meta.glob<Record<string, FieldLabels>>('../../../domain/*/*.labels.ts', { eager: true });

export const FIELD_LABELS: FieldLabels = foldFieldLabels(
  Object.entries(FILES).flatMap(([file, exports]) => Object.values(exports).map((fieldLabels) => ({ name: file, fieldLabels }))),
);

/** A label inside a sentence: "Datum" → "datum", but "SSPF-åldrar" stays. */
export const lower = (label: string) => (/^\p{Lu}\p{Lu}/u.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1));

/** Every field's label in one language, by its name: `t.fields.category`. */
export function labelsIn(lang: 'sv' | 'en'): Record<string, string> {
  return Object.fromEntries(Object.entries(FIELD_LABELS).map(([name, label]) => [name, label[lang]]));
}
