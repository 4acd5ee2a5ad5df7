/** What other modules may use to describe their audited writes. */
export type { WriteAudit } from './audit-event';
export { recordAudit } from './audit-event';
