import { REPORTS_LABELS } from '../../domain/reports/reports.labels';
import { useFieldLabels } from './validation-messages';
import { argumentPathOf, describeVariableProblem } from './variable-errors';

// The API learns the modules' labels when it builds its schema; this test reads the reports module's directly.
beforeAll(() => useFieldLabels(REPORTS_LABELS));

const QUERY =
  'mutation($i: FlagConcernInput!, $c: ReportedChildInput) { flagConcern(input: $i) { id } other: flagConcern(input: { child: $c }) { id } }';

describe('describeVariableProblem', () => {
  it.each([
    [
      'a wrong scalar',
      'Variable "$i" got invalid value "201203151236" at "i.feedbackRequested"; Boolean cannot represent a non boolean value: "201203151236"',
      'Boolean cannot represent a non boolean value: "201203151236"',
      'input.feedbackRequested',
      'The feedback requested must be a valid Boolean.',
      'Begär återkoppling ska vara ett giltigt värde av typen Boolean.',
    ],
    [
      'an unknown enum value',
      'Variable "$i" got invalid value "X" at "i.category"; Value "X" does not exist in "ReportCategory" enum. Did you mean the enum value "OTHER"?',
      'Value "X" does not exist in "ReportCategory" enum. Did you mean the enum value "OTHER"?',
      'input.category',
      'The category must be one of the ReportCategory values.',
      'Kategori ska vara ett av värdena i ReportCategory.',
    ],
    [
      'a missing field',
      'Variable "$i" got invalid value { a: 1 }; Field "description" of required type "String!" was not provided.',
      'Field "description" of required type "String!" was not provided.',
      'input.description',
      'The description is required (String!).',
      'Beskrivning måste anges (String!).',
    ],
    [
      'an unknown field',
      'Variable "$c" got invalid value { evil: "x" }; Field "evil" is not defined by type "ReportedChildInput".',
      'Field "evil" is not defined by type "ReportedChildInput".',
      'input.child',
      'The child holds a field that ReportedChildInput does not have. Remove it.',
      'Barnet innehåller ett fält som ReportedChildInput inte har. Ta bort det.',
    ],
  ])('names the field by its label, keeps the argument path and drops the value: %s', (_case, message, reason, field, en, sv) => {
    const problem = describeVariableProblem(message, reason, QUERY);
    expect(problem).toEqual({ field, messages: { en, sv } });
    expect(JSON.stringify(problem)).not.toMatch(/201203151236|evil|"X"|Did you mean/);
  });

  it('does not let a forged key in the value move the field', () => {
    const reason = 'Boolean cannot represent a non boolean value: 1';
    const message = `Variable "$i" got invalid value { x" at "admin.secret"; : 1 } at "i.flag"; ${reason}`;
    expect(describeVariableProblem(message, reason, QUERY)?.field).toBe('input.flag');
    expect(describeVariableProblem(`Variable "$i" got invalid value 1 at "evil.path"; ${reason}`, reason, QUERY)?.field).toBe('input');
  });

  it('handles missing variables and unknown wording without echoing', () => {
    expect(describeVariableProblem('Variable "$i" of required type "FlagConcernInput!" was not provided.', undefined, QUERY)?.field).toBe(
      'input',
    );
    expect(describeVariableProblem('Variable "$i" got invalid value "secret"; something new', 'something new', QUERY)).toEqual({
      field: 'input',
      messages: { en: 'input has an invalid value.', sv: 'input har ett ogiltigt värde.' },
    });
    expect(describeVariableProblem('Cannot query field "x"', undefined)).toBeNull();
  });
});

describe('argumentPathOf', () => {
  it('finds the argument, also inside an object literal, and ignores the definitions', () => {
    expect(argumentPathOf(QUERY, 'i')).toBe('input');
    expect(argumentPathOf(QUERY, 'c')).toBe('input.child');
    expect(argumentPathOf(QUERY, 'unused')).toBeUndefined();
    expect(argumentPathOf('not graphql {', 'i')).toBeUndefined();
  });
});
