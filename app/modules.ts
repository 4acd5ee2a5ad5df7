import './schema-order';
import { ADMIN_MODULE } from './modules/admin.module';
import { AUDIT_MODULE } from './modules/audit.module';
import { AUTH_MODULE } from './modules/auth.module';
import { CHILDREN_MODULE } from './modules/children.module';
import { COLLABORATION_MODULE } from './modules/collaboration.module';
import { CONSENT_MODULE } from './modules/consent.module';
import { DEADLINES_MODULE } from './modules/deadlines.module';
import { DISTRICTS_MODULE } from './modules/districts.module';
import { IDEMPOTENCY_MODULE } from './modules/idempotency.module';
import { INDICATORS_MODULE } from './modules/indicators.module';
import { NOTIFICATIONS_MODULE } from './modules/notifications.module';
import { ORGANISATION_MODULE } from './modules/organisation.module';
import { PLATFORM_MODULE } from './modules/platform.module';
import { REPORTS_MODULE } from './modules/reports.module';
import { RETENTION_MODULE } from './modules/retention.module';
import { TALKS_MODULE } from './modules/talks.module';
import { ModuleDescriptor } from './module-descriptor';

/**
 * Every module of the product, once. Each registry is folded from this list (app/registry.ts), so a new module is
 * its files in each layer's folder of its name, its descriptor in app/modules/, and one line here.
 */
export const MODULES: readonly ModuleDescriptor[] = [
  PLATFORM_MODULE,
  ORGANISATION_MODULE,
  DISTRICTS_MODULE,
  CHILDREN_MODULE,
  REPORTS_MODULE,
  DEADLINES_MODULE,
  NOTIFICATIONS_MODULE,
  AUDIT_MODULE,
  INDICATORS_MODULE,
  TALKS_MODULE,
  COLLABORATION_MODULE,
  CONSENT_MODULE,
  IDEMPOTENCY_MODULE,
  AUTH_MODULE,
  ADMIN_MODULE,
  RETENTION_MODULE,
];
