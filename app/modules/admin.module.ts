import { QUEUE_DASHBOARD_ROUTE } from '../../api/admin/queue-dashboard';
import { ModuleDescriptor } from '../module-descriptor';

export const ADMIN_MODULE: ModuleDescriptor = {
  name: 'admin',
  routes: [QUEUE_DASHBOARD_ROUTE],
};
