import { hasFormatCharacters, withoutFormatCharacters } from './format-characters';

describe('format characters in identifying text', () => {
  it.each([
    ['zero-width space', 'Wilma Ols\u200Bson'],
    ['zero-width non-joiner', 'Wil\u200Cma'],
    ['zero-width joiner', 'Wil\u200Dma'],
    ['word joiner', 'Ols\u2060son'],
    ['left-to-right mark', '\u200EOlsson'],
    ['right-to-left mark', 'Olsson\u200F'],
    ['arabic letter mark', 'Ols\u061Cson'],
    ['direction override', 'Ols\u202Eson'],
    ['direction isolate', '\u2066Olsson\u2069'],
    ['byte-order mark', '\uFEFFOlsson'],
    ['soft hyphen', 'Ols\u00ADson'],
    ['only zero-width characters', '\u200B\u200C\u200D'],
    ['joiner between an emoji and a letter', '👩\u200DWilma'],
  ])('finds a %s', (_name, value) => {
    expect(hasFormatCharacters(value)).toBe(true);
  });

  it.each([
    'Wilma Olsson',
    'Åsa Öberg-Ärlig',
    'محمد',
    'Zoë',
    '张伟',
    "O'Brien",
    'Zoë 👩\u200D👧',
    '👍🏽\u200D🔥',
    '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}',
  ])('lets a plain name through: %s', (value) => {
    expect(hasFormatCharacters(value)).toBe(false);
  });

  it('drops them from a matching key, leaving what a reader sees', () => {
    expect(withoutFormatCharacters('Wilma Ols\u200Bson')).toBe('Wilma Olsson');
    expect(withoutFormatCharacters('\u200B\u200D')).toBe('');
  });
});
