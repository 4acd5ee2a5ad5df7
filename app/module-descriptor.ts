import type { ApiModule } from '../api/api-module';
import type { DbModule } from '../db/db-module';
import type { DeadlineKind, DeadlineSubject } from '../domain/deadlines/deadline-kinds';
import type { AnySettings } from '../domain/districts/district-setting';
import type { WorkerModule } from '../workers/worker-module';

/** An indicator the module contributes to the municipality's follow-up; the catalogue is a coming issue. */
export interface IndicatorDefinition {
  readonly name: string;
  readonly formula: string;
}

/**
 * Everything the platform must know about one module, said once. The module's files stay in each layer's folder
 * of its name (`db/talks/`, `api/talks/`, …); app/modules.ts lists the descriptors, and every registry (entities,
 * migrations, resolvers, the policy table, scope contributors, loaders, routes, queues) is folded from that list.
 */
export interface ModuleDescriptor extends DbModule, ApiModule, WorkerModule {
  /** The domain word that names the module's folders. */
  readonly name: string;
  /** The clocks the module starts (their rules stay in domain/deadlines, typed over the enums). */
  readonly deadlineKinds?: readonly DeadlineKind[];
  readonly deadlineSubjects?: readonly DeadlineSubject[];
  /** The district settings the module's rules read, declared in `domain/<module>/<module>.settings.ts`. */
  readonly districtSettings?: AnySettings;
  readonly indicators?: readonly IndicatorDefinition[];
}
