import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RegisterExtractRow } from '../../db/retention/register-extract.repository';
import { readyForRelease } from '../../domain/retention/extract-rules';
import { DecideExtractPartInput } from '../../schema/retention/retention.inputs';
import { RegisterExtractPartType, RegisterExtractType } from '../../schema/retention/extract.type';
import { RequestContext } from '../context';
import { PartWithFacts, registerExtractService } from './register-extract.service';

@Resolver(() => RegisterExtractType)
export class RegisterExtractResolver {
  @Mutation(() => RegisterExtractType, {
    description: 'Supervisor: a register extract (GDPR art. 15) of everything held about the child; marked parts wait for review.',
  })
  childDataExport(@Arg('childId', () => ID) childId: string, @Ctx() context: RequestContext) {
    return registerExtractService.request(context, childId);
  }

  @Mutation(() => RegisterExtractType, { description: 'Supervisor: release or withhold one part of an extract, with a reason.' })
  decideExtractPart(@Arg('input', () => DecideExtractPartInput) input: DecideExtractPartInput, @Ctx() context: RequestContext) {
    return registerExtractService.decide(context, input);
  }

  @Query(() => RegisterExtractType, { nullable: true })
  registerExtract(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext) {
    return registerExtractService.extract(context, id);
  }

  @Query(() => [RegisterExtractType], { description: "The child's register extracts, newest first." })
  registerExtracts(@Arg('childId', () => ID) childId: string, @Ctx() context: RequestContext) {
    return registerExtractService.ofChild(context, childId);
  }

  @FieldResolver(() => [RegisterExtractPartType], { nullable: true })
  parts(@Root() extract: RegisterExtractRow, @Ctx() context: RequestContext) {
    return registerExtractService.parts(context, extract);
  }

  @FieldResolver(() => Boolean, { nullable: true })
  async ready(@Root() extract: RegisterExtractRow, @Ctx() context: RequestContext) {
    return readyForRelease(await registerExtractService.parts(context, extract));
  }

  @FieldResolver(() => String, { nullable: true })
  document(@Root() extract: RegisterExtractRow, @Ctx() context: RequestContext) {
    return registerExtractService.document(context, extract);
  }
}

@Resolver(() => RegisterExtractPartType)
export class RegisterExtractPartResolver {
  @FieldResolver(() => Int, { nullable: true })
  rowCount(@Root() part: PartWithFacts) {
    return part.rows.length;
  }

  @FieldResolver(() => String, { nullable: true })
  content(@Root() part: PartWithFacts) {
    return JSON.stringify(part.rows);
  }
}
