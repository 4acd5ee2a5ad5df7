import type { NonEmptyArray } from 'type-graphql';
import type { ScopeContributor } from '../db/access/scope-contributor';
import type { ExtractSection } from '../db/personal-data/personal-data';
import type { ModuleAccess } from '../domain/access/policy';
import { FieldLabels, foldFieldLabels } from '../domain/messages/field-labels';
import { policyTable } from './access/policy-table';
import type { ApiRegistry, ModuleRoute } from './context';
import type { LoaderFactory } from './loaders';

/** What a module tells the API layer. */
export interface ApiModule {
  readonly resolvers?: readonly Function[];
  readonly access?: ModuleAccess;
  /** Feeds `invitedToTalk` / `teamMemberWithConsent`: the viewer's relations, in the one viewer query. */
  readonly scope?: ScopeContributor;
  /** Per-request batching of the module's relations (`context.loaders`). */
  readonly loaders?: LoaderFactory;
  readonly routes?: readonly ModuleRoute[];
  /** The labels of the field names its inputs (and district settings) add: `domain/<module>/<module>.labels.ts`. */
  readonly fieldLabels?: FieldLabels;
  /** The module's section of a child's register extract (GDPR art. 15): every module with personal data has one. */
  readonly extract?: ExtractSection;
}

export function apiRegistryOf(modules: readonly (ApiModule & { readonly name: string })[]): ApiRegistry {
  const resolvers = modules.flatMap((m) => m.resolvers ?? []);
  if (!resolvers.length) throw new Error('No module has a resolver');
  return Object.freeze({
    resolvers: resolvers as NonEmptyArray<Function>,
    access: policyTable(modules.map((m) => m.access ?? {})),
    scopeContributors: modules.flatMap((m) => (m.scope ? [m.scope] : [])),
    loaders: modules.flatMap((m) => (m.loaders ? [m.loaders] : [])),
    routes: modules.flatMap((m) => m.routes ?? []),
    fieldLabels: foldFieldLabels(modules),
    extracts: modules.flatMap((m) => (m.extract ? [m.extract] : [])),
  });
}
