import type { FieldLabel } from '../messages/field-labels';

/** The input fields of retention, legal holds and register extracts, as users read them. */
export const RETENTION_LABELS = {
  holdId: { sv: 'Bevarandebeslut', en: 'Legal hold' },
  extractId: { sv: 'Registerutdrag', en: 'Register extract' },
  key: { sv: 'Del av utdraget', en: 'Part of the extract' },
  release: { sv: 'Lämna ut', en: 'Release' },
  liftReason: { sv: 'Skäl att häva', en: 'Reason for lifting' },
  retentionReportMonths: { sv: 'Gallring av anmälan utan utredning (månader)', en: 'Retention of a report without investigation (months)' },
  retentionInvestigationMonths: {
    sv: 'Gallring efter avslutad utredning (månader)',
    en: 'Retention after a closed investigation (months)',
  },
  retentionResearchException: { sv: 'Spara för forskning (födda den 5, 15 och 25)', en: 'Keep for research (born on the 5th, 15th, 25th)' },
  retentionTalkMonths: { sv: 'Gallring av samtal (månader)', en: 'Retention of talks (months)' },
  retentionCollaborationMonths: {
    sv: 'Gallring av avslutade SSPF/SSFF-ärenden och samtycken (månader)',
    en: 'Retention of closed SSPF/SSFF cases and consents (months)',
  },
  retentionMessageMonths: { sv: 'Gallring av notiser och e-post (månader)', en: 'Retention of notifications and e-mails (months)' },
  retentionAuditMonths: { sv: 'Gallring av loggen (månader)', en: 'Retention of the access log (months)' },
  retentionSessionMonths: {
    sv: 'Gallring av idempotensnycklar och sessioner (månader)',
    en: 'Retention of idempotency keys and sessions (months)',
  },
} satisfies Record<string, FieldLabel>;
