import { DataSource } from 'typeorm';
import type { RequestDatabase } from '../db/access/request-connection';
import { ViewerScope } from '../domain/access/viewer-scope';
import { Clock } from '../domain/clock';
import { Unauthenticated } from '../domain/errors';
import type { Config } from '../platform/config';
import type { Logger } from '../platform/logger';
import { AuditBuffer } from './audit/audit-buffer';
import type { ApiRegistry } from './api-module';
import type { Loaders } from './loaders';
import type { JobScheduler } from '../platform/queues/job-scheduler';

/** Long-lived dependencies shared by every request. */
export interface AppDeps {
  readonly config: Config;
  readonly dataSource: DataSource;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly jobs: JobScheduler;
  /** Every module's resolvers, policy, scope contributors, loaders and routes (folded in app/). */
  readonly registry: ApiRegistry;
}

export interface Viewer {
  readonly scope: ViewerScope;
  readonly email: string;
  readonly displayName: string;
}

export interface RequestContext {
  readonly requestId: string;
  readonly viewer: Viewer | null;
  /** Why the token was refused, if it was; raised when an operation needs the viewer. */
  readonly authError?: Unauthenticated;
  readonly audit: AuditBuffer;
  readonly loaders: Loaders;
  readonly deps: AppDeps;
  /** The request's connection: every read and write of the request goes through it, in the viewer's row scope. */
  readonly db: RequestDatabase;
}

export function requireScope(context: RequestContext): ViewerScope {
  if (!context.viewer) throw context.authError ?? new Unauthenticated();
  return context.viewer.scope;
}
