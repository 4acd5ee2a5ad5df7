import type express from 'express';
import type { NonEmptyArray } from 'type-graphql';
import type { ScopeContributor } from '../db/access/scope-contributor';
import type { AccessPolicy, ModuleAccess } from '../domain/access/policy';
import { policyTable } from './access/policy-table';
import type { TokenVerifier } from './auth/token-verifier';
import type { AppDeps } from './context';
import type { LoaderFactory } from './loaders';

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

/** What a module tells the API layer. */
export interface ApiModule {
  readonly resolvers?: readonly Function[];
  readonly access?: ModuleAccess;
  /** Feeds `invitedToTalk` / `teamMemberWithConsent`: the viewer's relations, in the one viewer query. */
  readonly scope?: ScopeContributor;
  /** Per-request batching of the module's relations (`context.loaders`). */
  readonly loaders?: LoaderFactory;
  readonly routes?: readonly ModuleRoute[];
}

/** The API's registries, each folded from every module. */
export interface ApiRegistry {
  readonly resolvers: NonEmptyArray<Function>;
  readonly access: AccessPolicy;
  readonly scopeContributors: readonly ScopeContributor[];
  readonly loaders: readonly LoaderFactory[];
  readonly routes: readonly ModuleRoute[];
}

export function apiRegistryOf(modules: readonly ApiModule[]): ApiRegistry {
  const resolvers = modules.flatMap((m) => m.resolvers ?? []);
  if (!resolvers.length) throw new Error('No module has a resolver');
  return Object.freeze({
    resolvers: resolvers as NonEmptyArray<Function>,
    access: policyTable(modules.map((m) => m.access ?? {})),
    scopeContributors: modules.flatMap((m) => (m.scope ? [m.scope] : [])),
    loaders: modules.flatMap((m) => (m.loaders ? [m.loaders] : [])),
    routes: modules.flatMap((m) => m.routes ?? []),
  });
}
