import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ChildType } from '../../schema/children/child.type';
import { ChildTalkType } from '../../schema/talks/talk.type';
import { RequestContext } from '../context';

@Resolver(() => ChildType)
export class ChildTalksResolver {
  @FieldResolver(() => [ChildTalkType], { nullable: true, description: "The child's talks the viewer may see, newest first." })
  talks(@Root() child: { id: string }, @Ctx() context: RequestContext) {
    return context.loaders.talks.talksOfChild.load(child.id);
  }
}
