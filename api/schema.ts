import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { buildSchema, NonEmptyArray } from 'type-graphql';
import '../schema/common/enums';
import '../schema/collaboration/collaboration.enums';
import { applyAccessPolicy } from './access/access-schema';
import { AuditResolver } from './audit/audit.resolver';
import { COLLABORATION_RESOLVERS } from './collaboration/collaboration.resolver';
import { ChildrenResolver } from './children/children.resolver';
import { DistrictsResolver } from './districts/districts.resolver';
import { IndicatorsResolver } from './indicators/indicators.resolver';
import { NotificationsResolver } from './notifications/notifications.resolver';
import { ParkedEmailsResolver } from './notifications/parked-emails.resolver';
import { AgencyResolver, OrganisationResolver } from './organisation/organisation.resolver';
import { ViewerResolver } from './organisation/viewer.resolver';
import { InvestigationExtensionResolver, ReportsResolver } from './reports/reports.resolver';
import { ReportIdentityResolver } from './reports/report-identity.resolver';
import { ForumItemResolver, ForumResolver, TalkAssessmentResolver } from './talks/forum.resolver';
import { TalkDisclosureResolver, TalkParticipantResolver, TalksResolver } from './talks/talks.resolver';
import { validateArguments } from './security/validate-arguments';

/** Every resolver of the API; a new module adds its resolver here. */
export const RESOLVERS: NonEmptyArray<Function> = [ViewerResolver, DistrictsResolver, ChildrenResolver, ReportsResolver, InvestigationExtensionResolver, NotificationsResolver, ParkedEmailsResolver, AuditResolver, IndicatorsResolver,
  OrganisationResolver, TalksResolver, TalkParticipantResolver, TalkDisclosureResolver, ForumResolver, ForumItemResolver, TalkAssessmentResolver,
  AgencyResolver,
  ...COLLABORATION_RESOLVERS, ReportIdentityResolver];

let cached: Promise<GraphQLSchema> | undefined;

export function buildAppSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: RESOLVERS,
    validateFn: validateArguments,
  }).then(applyAccessPolicy);
  return cached;
}
