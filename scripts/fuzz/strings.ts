/** Ordinary Swedish case-note text. */
export const PLAIN = [
  'Eleven har hög frånvaro sedan oktober.',
  'Ingen akut fara.',
  'Gripen för snatteri tillsammans med äldre ungdomar.',
  'Vårdnadshavare kontaktade per telefon.',
  'Åsa Öberg',
  'förälder',
  '070-123 45 67',
] as const;

/** SQL injection, aimed at the raw-SQL repositories: quotes, comments, stacked queries, ILIKE wildcards, casts. */
export const SQL_INJECTION = [
  "' OR '1'='1",
  "'; DROP TABLE child; --",
  '1; SELECT pg_sleep(2); --',
  "' UNION SELECT email, display_name FROM app_user --",
  "Robert'); DELETE FROM report WHERE ('1'='1",
  "%' AND 1=1 --",
  '%_%',
  '\\',
  '$$; TRUNCATE audit_event; $$',
  "'::uuid",
  "E'\\\\x27'",
  "00000000-0000-0000-0000-000000000000' OR ''='",
  "admin'/*",
  "; COPY (SELECT 1) TO PROGRAM 'id'; --",
] as const;

/** Script and template injection, for whoever renders the data later. */
export const SCRIPT_INJECTION = [
  '<script>alert(document.cookie)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${process.exit(1)}',
  '<!--#exec cmd="id"-->',
  ']]><x>',
  '{"$gt": ""}',
  '__proto__',
  'constructor.prototype.polluted',
  '../../../../etc/passwd',
  "=cmd|'/c calc'!A1",
] as const;

/** Valid Unicode that must pass through unchanged: right-to-left scripts, emoji, combining marks. */
export const UNICODE_VALID = [
  'مريم الأحمد',
  'עברית ושלום',
  'Zoë 👩‍👩‍👧‍👦 🇸🇪',
  'e\u0301 a\u030A',
  'zero\u200Bwidth',
  '\uFEFFbom',
  'rtl mark \u200F here',
  '𝐁𝐨𝐥𝐝 𝔉𝔯𝔞𝔨𝔱𝔲𝔯',
  '中文 日本語 한국어',
  'ÅÄÖ åäö',
] as const;

/** Unicode every text field refuses: NUL, lone surrogates, controls, direction overrides. */
export const UNICODE_INVALID = [
  'nul\u0000byte',
  'lone high \uD800 surrogate',
  'lone low \uDC00 surrogate',
  'override \u202Egnp.exe',
  'escape \u001b[2J',
  'del \u007f char',
  'c1 \u0085 next line',
  'isolate \u2066x\u2069',
] as const;

export const ALL_TEXT = [...PLAIN, ...SQL_INJECTION, ...SCRIPT_INJECTION, ...UNICODE_VALID] as const;
