/**
 * CSV for spreadsheets (RFC 4180 quoting). Swedish Excel splits on ';' and reads
 * decimal commas, English on ',' with decimal points; the byte-order mark makes
 * Excel read UTF-8, so å, ä and ö survive.
 */
export const UTF8_BOM = '\uFEFF';

export interface CsvDialect {
  readonly delimiter: ';' | ',';
  readonly decimal: ',' | '.';
}

export const CSV_DIALECTS = {
  sv: { delimiter: ';', decimal: ',' },
  en: { delimiter: ',', decimal: '.' },
} as const satisfies Record<string, CsvDialect>;

export type CsvCell = string | number | boolean | null;

// A text cell a spreadsheet would run as a formula gets a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell, dialect: CsvDialect): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = typeof value === 'number' ? String(value).replace('.', dialect.decimal) : FORMULA_START.test(value) ? `'${value}` : value;
  return /["\r\n]/.test(text) || text.includes(dialect.delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[], dialect: CsvDialect): string {
  return UTF8_BOM + rows.map((row) => row.map((c) => csvCell(c, dialect)).join(dialect.delimiter)).join('\r\n') + '\r\n';
}
