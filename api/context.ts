import type { FieldLabels } from '../domain/messages/field-labels';
import type { ExtractSection } from '../db/personal-data/personal-data';
import { DataSource } from 'typeorm';
import type { RequestDatabase } from '../db/access/request-connection';
import { ViewerScope } from '../domain/access/viewer-scope';
import { Clock } from '../domain/time/clock';
import { Unauthenticated } from '../domain/errors';
import type { Config } from '../platform/config';
import type { Logger } from '../platform/logger';
import { AuditBuffer } from './audit/audit-buffer';
import type express from 'express';
import type { NonEmptyArray } from 'type-graphql';
import type { ScopeContributor } from '../db/access/scope-contributor';
import type { AccessPolicy } from '../domain/access/policy';
import type { TokenVerifier } from './auth/token-verifier';
import type { LoaderFactory, Loaders } from './loaders';
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

/** An HTTP route beside /graphql (a calendar feed, an export, a dashboard). */
export interface ModuleRoute {
  readonly path: string;
  /** `get`: one handler for GET; `use`: a router for every method under the path. */
  readonly method: 'get' | 'use';
  /** Limited per client address, like /graphql. */
  readonly rateLimited: boolean;
  /** `null`: this process does not serve the route (the queue dashboard without Redis queues). */
  readonly handler: (deps: AppDeps, verifyToken: TokenVerifier) => express.RequestHandler | null;
}

/** The API's registries, each folded from every module. */
export interface ApiRegistry {
  readonly resolvers: NonEmptyArray<Function>;
  readonly access: AccessPolicy;
  readonly scopeContributors: readonly ScopeContributor[];
  readonly loaders: readonly LoaderFactory[];
  readonly routes: readonly ModuleRoute[];
  /** What the API's messages call each input field, from the shared labels and the modules'. */
  readonly fieldLabels: FieldLabels;
  /** Every module's section of a register extract, in module order. */
  readonly extracts: readonly ExtractSection[];
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
