import { QUEUE_DASHBOARD_ROUTE } from '../../api/admin/queue-dashboard';
import { QueueDashboardSessionEntity } from '../../db/admin/queue-dashboard-session.entity';
import { QueueDashboardSessions1734400000000 } from '../../db/admin/migrations/1734400000000-queue-dashboard-sessions';
import { ModuleDescriptor } from '../module-descriptor';
import { QUEUE_DASHBOARD_SESSION_RETENTION } from '../../db/admin/queue-dashboard-session-retention';

export const ADMIN_MODULE: ModuleDescriptor = {
  name: 'admin',
  entities: [QueueDashboardSessionEntity],
  migrations: [QueueDashboardSessions1734400000000],
  routes: [QUEUE_DASHBOARD_ROUTE],
  personalData: [{ table: 'queue_dashboard_session', retention: QUEUE_DASHBOARD_SESSION_RETENTION, ofUser: true }],
};
