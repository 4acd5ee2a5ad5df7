import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { outboxRepository, ParkedEmailRow } from '../../db/notifications/outbox.repository';
import { NotFound } from '../../domain/errors';
import { ParkedEmailType } from '../../schema/notifications/parked-email.type';
import { RequestContext, requireScope } from '../context';

@Resolver(() => ParkedEmailType)
export class ParkedEmailsResolver {
  @Query(() => [ParkedEmailType], { description: 'E-mails that could not be delivered (administrators).' })
  parkedEmails(@Arg('first', () => Int, { defaultValue: 50 }) first: number, @Ctx() context: RequestContext): Promise<ParkedEmailRow[]> {
    return outboxRepository.parked(context.db.manager, requireScope(context).municipalityId, Math.min(Math.max(first, 1), 500));
  }

  @Mutation(() => ParkedEmailType, {
    description: 'Gives a parked e-mail a new round of attempts now; answers it as it is then (no longer parked).',
  })
  async retryParkedEmail(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<ParkedEmailRow> {
    const { jobs, logger } = context.deps;
    const [parked] = (await outboxRepository.parked(context.db.manager, requireScope(context).municipalityId, 500)).filter(
      (p) => p.id === id,
    );
    if (!parked) throw new NotFound('The parked e-mail');
    const rounds = await outboxRepository.unpark(context.db.manager, { ids: [id] });
    if (!rounds[0]) throw new NotFound('The parked e-mail');
    // Committed: if the queue is away, the reconciler enqueues it within a minute or so.
    await jobs
      .enqueueOutbox(rounds)
      .catch((error) =>
        logger.warn({ err: error, requestId: context.requestId }, 'enqueue after commit failed; the reconciler will schedule it'),
      );
    return { ...parked, attempts: 0, retryRound: rounds[0].round, parkedAt: null };
  }
}
