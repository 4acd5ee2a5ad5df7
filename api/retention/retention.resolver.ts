import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LegalHoldRow, RetentionRunRow } from '../../db/retention/retention.repository';
import { BadInput } from '../../domain/errors';
import { LiftLegalHoldInput, PlaceLegalHoldInput } from '../../schema/retention/retention.inputs';
import { LegalHoldType, RetentionCountType, RetentionRunType } from '../../schema/retention/retention.type';
import { RequestContext } from '../context';
import { retentionService } from './retention.service';

@Resolver(() => LegalHoldType)
export class LegalHoldResolver {
  @Query(() => [LegalHoldType], { description: "Supervisor: the legal holds in force in the viewer's districts (of one child, if given)." })
  legalHolds(
    @Arg('childId', () => ID, { nullable: true }) childId: string | null,
    @Ctx() context: RequestContext,
  ): Promise<LegalHoldRow[]> {
    return retentionService.holds(context, childId ?? null);
  }

  @Mutation(() => LegalHoldType, { description: "Supervisor: keep a child's or a case's records past their retention, with a reason." })
  placeLegalHold(@Arg('input', () => PlaceLegalHoldInput) input: PlaceLegalHoldInput, @Ctx() context: RequestContext) {
    return retentionService.placeHold(context, input);
  }

  @Mutation(() => LegalHoldType, { description: 'Supervisor: lift a legal hold, with a reason; the next run sweeps what is due.' })
  liftLegalHold(@Arg('input', () => LiftLegalHoldInput) input: LiftLegalHoldInput, @Ctx() context: RequestContext) {
    return retentionService.liftHold(context, input);
  }
}

@Resolver(() => RetentionRunType)
export class RetentionRunResolver {
  @Query(() => [RetentionRunType], { description: "The latest retention runs of the viewer's districts, newest first." })
  retentionRuns(@Arg('limit', () => Int, { defaultValue: 30 }) limit: number, @Ctx() context: RequestContext): Promise<RetentionRunRow[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 365) throw new BadInput('limit', 'limit must be 1–365.', 'Ange 1–365.');
    return retentionService.runs(context, limit);
  }

  @FieldResolver(() => [RetentionCountType])
  counts(@Root() run: RetentionRunRow): RetentionCountType[] {
    return Object.entries(run.counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([recordType, count]) => ({ recordType, count }));
  }
}
