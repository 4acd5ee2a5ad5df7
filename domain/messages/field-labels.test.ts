import { fieldLabel, labelledText, foldFieldLabels, SHARED_FIELD_LABELS } from './field-labels';

describe('folding the modules’ field labels', () => {
  it('adds each module’s labels to the shared ones and looks a path up by its last name', () => {
    const labels = foldFieldLabels([{ name: 'talks', fieldLabels: { heldAt: { sv: 'Hållet', en: 'Held at' } } }]);
    expect(fieldLabel('input.heldAt', labels)).toEqual({ sv: 'Hållet', en: 'Held at' });
    expect(fieldLabel('input.childId', labels)).toBe(SHARED_FIELD_LABELS.childId);
    expect(fieldLabel('input.constructor', labels)).toBeNull();
  });

  it('refuses a name two modules label, naming both', () => {
    const heldAt = { heldAt: { sv: 'Hållet', en: 'Held at' } };
    expect(() =>
      foldFieldLabels([
        { name: 'talks', fieldLabels: heldAt },
        { name: 'forum', fieldLabels: heldAt },
      ]),
    ).toThrow('Field label "heldAt" is declared by talks and forum');
    expect(() => foldFieldLabels([{ name: 'talks', fieldLabels: { childId: SHARED_FIELD_LABELS.childId } }])).toThrow(
      'declared by shared and talks',
    );
  });

  it.each<[string, string, string, string]>([
    ['a path, after input.', 'input.child.givenName must not be empty', 'child.givenName', '"Förnamn" must not be empty'],
    ['a whole word only', 'to must be after from; the total stays', 'to', '"Till" must be after from; the total stays'],
    ['every mention', 'to (to)', 'input.to', '"Till" ("Till")'],
  ])('puts the label in place of the identifier: %s', (_case, text, path, expected) => {
    const label = fieldLabel(path, SHARED_FIELD_LABELS)!.sv;
    expect(labelledText(text, path, label)).toBe(expected);
  });
});
