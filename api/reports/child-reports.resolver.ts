import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ChildType } from '../../schema/children/child.type';
import { EarlierReportType } from '../../schema/reports/report.type';
import { RequestContext } from '../context';

@Resolver(() => ChildType)
export class ChildReportsResolver {
  @FieldResolver(() => [EarlierReportType], { nullable: true, description: "The child's reports the viewer may see, newest first." })
  reports(@Root() child: { id: string }, @Ctx() context: RequestContext) {
    return context.loaders.reportsOfChild.load(child.id);
  }
}
