/**
 * "A valid consent" in SQL: the same rule as `isConsentValid` in domain/consent/consent-rules.ts (complete, given by
 * then, not yet ended, not yet withdrawn), for the viewer's scope and any query that must agree with the in-memory
 * check. db/consent/consent-validity.int.test.ts holds the two to the same answers.
 */
export function validConsentSql(alias: string, at: string): string {
  return (
    `(${alias}.complete AND ${alias}.given_at <= ${at} AND (${alias}.ends_at IS NULL OR ${at} < ${alias}.ends_at)` +
    ` AND (${alias}.withdrawn_at IS NULL OR ${at} < ${alias}.withdrawn_at))`
  );
}
