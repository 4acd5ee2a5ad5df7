import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { notificationRepository } from '../../db/notifications/notification.repository';
import { NotFound } from '../../domain/errors';
import { NotificationType } from '../../schema/notifications/notification.type';
import { RequestContext, requireScope } from '../context';

@Resolver(() => NotificationType)
export class NotificationsResolver {
  @Query(() => [NotificationType], { description: 'Your notifications, newest first.' })
  myNotifications(
    @Arg('unreadOnly', () => Boolean, { defaultValue: false }) unreadOnly: boolean,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() context: RequestContext,
  ) {
    return notificationRepository.forUser(context.db.manager, requireScope(context).userId, {
      unreadOnly,
      first: Math.min(Math.max(first, 1), 200),
    });
  }

  @Mutation(() => NotificationType)
  async markNotificationRead(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext) {
    const row = await notificationRepository.markRead(context.db.manager, requireScope(context).userId, id, context.deps.clock.now());
    if (!row) throw new NotFound('The notification');
    return row;
  }
}
