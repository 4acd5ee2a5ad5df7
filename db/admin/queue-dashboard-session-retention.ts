import { deleteDue, type RetentionRule } from '../personal-data/personal-data';

/** An ended session (expired or signed out) is only a trace of a sign-in; a live one is never swept. */
export const QUEUE_DASHBOARD_SESSION_RETENTION: readonly RetentionRule[] = [
  {
    recordType: 'QUEUE_DASHBOARD_SESSION',
    measuredFrom: 'the end of the session: its sign-out, or its expiry',
    setting: 'retentionSessionMonths',
    action: 'DELETE',
    sweep: deleteDue('queue_dashboard_session', (b) => `LEAST(x.revoked_at, x.expires_at) < $1 AND ${b.ofUser('x.user_id')}`),
  },
];
