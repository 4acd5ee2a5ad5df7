import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ChildType } from '../../schema/children/child.type';
import { ChildCorrectionType, CorrectChildInput } from '../../schema/children/child-correction.type';
import { RequestContext } from '../context';
import { childCorrectionService } from './child-correction.service';
import { childrenService } from './children.service';

@Resolver(() => ChildCorrectionType)
export class ChildCorrectionResolver {
  @Mutation(() => ChildType, {
    description: "Social services: correct a child's name or personal identity number, with a reason; the old value is kept.",
  })
  correctChild(@Arg('input', () => CorrectChildInput) input: CorrectChildInput, @Ctx() context: RequestContext) {
    return childCorrectionService.correct(context, input);
  }

  @Query(() => [ChildCorrectionType], {
    description: "The corrections of a child's identity, newest first, with the values they replaced.",
  })
  async childCorrections(@Arg('childId', () => ID) childId: string, @Ctx() context: RequestContext) {
    await childrenService.loadVisibleChild(context, childId);
    return childCorrectionService.history(context, childId);
  }
}
