import { apiRegistryOf } from '../api/api-module';
import { ApiRegistry } from '../api/context';
import { DbRegistry, dbRegistryOf } from '../db/db-module';
import { WorkerRegistry } from '../workers/worker-deps';
import { workerRegistryOf } from '../workers/worker-module';
import { ModuleDescriptor } from './module-descriptor';
import { MODULES } from './modules';

/** Every registry of the platform, each folded from the module descriptors. */
export interface Registry extends DbRegistry, ApiRegistry, WorkerRegistry {}

export function registryOf(modules: readonly ModuleDescriptor[]): Registry {
  const names = modules.map((m) => m.name);
  const twice = names.filter((name, i) => names.indexOf(name) !== i);
  if (twice.length) throw new Error(`Modules listed twice: ${twice.join(', ')}`);
  return Object.freeze({ ...dbRegistryOf(modules), ...apiRegistryOf(modules), ...workerRegistryOf(modules) });
}

/** The product's registry: what every process, script and test runs with. */
export const REGISTRY: Registry = registryOf(MODULES);
