import { EntityManager } from 'typeorm';
import { ViewerScope } from '../domain/access/viewer-scope';

/**
 * Per-request batching: every relation goes through one of these, so lists cost one query per relation. Each
 * module adds its loaders to this interface from its own `*.loaders.ts` (`declare module '../loaders'`) and
 * names its factory in its descriptor.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the modules' declarations
export interface Loaders {}

/** A module's loaders for one request; `scope` is null for an anonymous request. */
export type LoaderFactory = (manager: EntityManager, scope: ViewerScope | null) => object;

export function createLoaders(manager: EntityManager, scope: ViewerScope | null, factories: readonly LoaderFactory[]): Loaders {
  return Object.assign({}, ...factories.map((create) => create(manager, scope))) as Loaders;
}
