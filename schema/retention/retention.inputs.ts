import { Field, ID, InputType } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { HOLD_REASON_MAX, HOLD_REASON_MIN } from '../../domain/retention/retention-rules';
import { Text, Uuid } from '../common/validators';

const REASON = { min: HOLD_REASON_MIN, max: HOLD_REASON_MAX, multiline: true };

@InputType()
export class PlaceLegalHoldInput {
  @Field(() => ID, { nullable: true, description: 'The child whose records are held; or give caseId.' })
  @IsOptional()
  @Uuid()
  childId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The collaboration case whose records are held.' })
  @IsOptional()
  @Uuid()
  caseId?: string | null;

  @Field(() => String, { description: 'Why the records must stay (an appeal, a court, an archive decision).' })
  @Text(REASON)
  reason!: string;
}

@InputType()
export class LiftLegalHoldInput {
  @Field(() => ID)
  @Uuid()
  holdId!: string;

  @Field(() => String)
  @Text(REASON)
  liftReason!: string;
}

@InputType()
export class DecideExtractPartInput {
  @Field(() => ID)
  @Uuid()
  extractId!: string;

  @Field(() => String)
  @Text({ min: 1, max: 100, identifying: true })
  key!: string;

  @Field(() => Boolean, { description: 'True: the part is released; false: it is withheld.' })
  release!: boolean;

  @Field(() => String, { description: 'Why (e.g. "OSL 26 kap. 5 §: anmälarens identitet").' })
  @Text(REASON)
  reason!: string;
}
