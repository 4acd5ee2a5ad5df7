import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { buildSchema, NonEmptyArray } from 'type-graphql';
import '../schema/common/enums';
import { applyAccessPolicy } from './access/access-schema';
import { AuditResolver } from './audit/audit.resolver';
import { ChildrenResolver } from './children/children.resolver';
import { DistrictsResolver } from './districts/districts.resolver';
import { IndicatorsResolver } from './indicators/indicators.resolver';
import { NotificationsResolver } from './notifications/notifications.resolver';
import { ViewerResolver } from './organisation/viewer.resolver';
import { ReportsResolver } from './reports/reports.resolver';
import { validateArguments } from './security/validate-arguments';

/** Every resolver of the API; a new module adds its resolver here. */
export const RESOLVERS: NonEmptyArray<Function> = [ViewerResolver, DistrictsResolver, ChildrenResolver, ReportsResolver, NotificationsResolver, AuditResolver, IndicatorsResolver];

let cached: Promise<GraphQLSchema> | undefined;

export function buildAppSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: RESOLVERS,
    validateFn: validateArguments,
  }).then(applyAccessPolicy);
  return cached;
}
