import { CSV_DIALECTS, csvCell, toCsv, UTF8_BOM } from './indicators-csv';

describe('csvCell', () => {
  it.each([
    ['plain', 'Norr', 'sv', 'Norr'],
    ['the delimiter', 'a;b', 'sv', '"a;b"'],
    ['a comma in Swedish', 'a,b', 'sv', 'a,b'],
    ['a comma in English', 'a,b', 'en', '"a,b"'],
    ['quotes', 'säger "hej"', 'sv', '"säger ""hej"""'],
    ['a line break', 'rad 1\nrad 2', 'en', '"rad 1\nrad 2"'],
    ['a formula', '=SUM(A1)', 'en', "'=SUM(A1)"],
    ['a decimal in Swedish', 0.25, 'sv', '0,25'],
    ['a decimal in English', 0.25, 'en', '0.25'],
    ['a decimal that needs quoting', 0.5, 'en', '0.5'],
    ['null', null, 'sv', ''],
    ['a boolean', true, 'sv', 'true'],
  ] as const)('%s', (_name, value, lang, expected) => {
    expect(csvCell(value, CSV_DIALECTS[lang])).toBe(expected);
  });
});

describe('toCsv', () => {
  it('starts with the byte-order mark and ends rows with CRLF', () => {
    expect(
      toCsv(
        [
          ['Område', 'Värde'],
          ['Söder', 0.5],
        ],
        CSV_DIALECTS.sv,
      ),
    ).toBe(`${UTF8_BOM}Område;Värde\r\nSöder;0,5\r\n`);
  });
});
