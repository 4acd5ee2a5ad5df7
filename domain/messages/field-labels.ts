/**
 * The names of input fields as users read them, in Swedish and English: the API's messages ("Beskrivning måste
 * fyllas i.") and the web app's form labels name a field the same way. Keyed by the GraphQL input field name; a field
 * means the same thing in every input that has it. Each module keeps its own fields' labels (`domain/<m>/<m>.labels.ts`,
 * in its descriptor's `fieldLabels`); this file keeps only the names several modules' inputs share.
 * test/field-labels.int.test.ts fails on a mutation input field without a label.
 */
export interface FieldLabel {
  readonly sv: string;
  readonly en: string;
}

/** Labels of the names more than one module's inputs use (and of the list arguments every query has). */
export const SHARED_FIELD_LABELS = {
  personalIdentityNumber: { sv: 'Personnummer', en: 'Personal identity number' },
  givenName: { sv: 'Förnamn', en: 'Given name' },
  familyName: { sv: 'Efternamn', en: 'Family name' },
  description: { sv: 'Beskrivning', en: 'Description' },
  idempotencyKey: { sv: 'Inskickningsnyckel', en: 'Submission key' },
  preInvestigationRunning: { sv: 'Förundersökning pågår', en: 'Preliminary criminal investigation running' },
  reportId: { sv: 'Anmälan', en: 'Report' },
  id: { sv: 'Id', en: 'Id' },
  childId: { sv: 'Barnet', en: 'Child' },
  districtId: { sv: 'Område', en: 'District' },
  name: { sv: 'Namn', en: 'Name' },
  caseId: { sv: 'Samverkansärende', en: 'Collaboration case' },
  givenAt: { sv: 'Givet', en: 'Given on' },
  note: { sv: 'Anteckning', en: 'Note' },
  userId: { sv: 'Person', en: 'Person' },
  role: { sv: 'Roll', en: 'Role' },
  kind: { sv: 'Typ', en: 'Kind' },
  agencyId: { sv: 'Verksamhet', en: 'Agency' },
  search: { sv: 'Sökning', en: 'Search' },
  first: { sv: 'Antal', en: 'Number of items' },
  after: { sv: 'Sida', en: 'Page' },
  from: { sv: 'Från', en: 'Start' },
  to: { sv: 'Till', en: 'End' },
} satisfies Record<string, FieldLabel>;

export type FieldLabels = Readonly<Record<string, FieldLabel>>;

/**
 * One catalogue from the shared labels and the modules' own. A name is labelled once: two modules that name a field
 * the same must mean the same thing, so the second label is a mistake (move the name here instead).
 */
export function foldFieldLabels(modules: readonly { readonly name: string; readonly fieldLabels?: FieldLabels }[]): FieldLabels {
  const owner = new Map<string, string>(Object.keys(SHARED_FIELD_LABELS).map((field) => [field, 'shared']));
  const labels: Record<string, FieldLabel> = { ...SHARED_FIELD_LABELS };
  for (const m of modules) {
    for (const [field, label] of Object.entries(m.fieldLabels ?? {})) {
      const first = owner.get(field);
      if (first)
        throw new Error(
          `Field label "${field}" is declared by ${first} and ${m.name}: keep one (shared names go in domain/messages/field-labels.ts)`,
        );
      owner.set(field, m.name);
      labels[field] = label;
    }
  }
  return Object.freeze(labels);
}

/** A field's own name, without the path to it: `input.child.givenName` → `givenName`, `input.districtIds.0` → `districtIds`. */
export function fieldName(path: string): string {
  return (
    path
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .pop() ?? path
  );
}

/** The label of a field by its path from the argument (`input.child.givenName`, `input.districtIds.0`), or null. */
export function fieldLabel(path: string, labels: FieldLabels): FieldLabel | null {
  const name = fieldName(path);
  return Object.hasOwn(labels, name) ? labels[name] : null;
}

/** `text` with the field's identifier (`to`, `input.child.givenName`) as a whole word replaced by `"label"`; "total" keeps its "to". */
export function labelledText(text: string, path: string, label: string): string {
  const escaped = path.replace(/^input\./, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`(?<![\\w.])(?:input\\.)?${escaped}(?!\\w)`, 'g'), `"${label}"`);
}
