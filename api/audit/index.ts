/** What other modules may use of audit's API: the request's buffer of audited reads. */
export { AuditBuffer } from './audit-buffer';
