import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { NotFound } from '../../domain/errors';
import { NotificationType } from '../../schema/notifications/notification.type';
import { RequestContext, requireScope } from '../context';

const COLUMNS = `id, user_id AS "userId", kind, title, body, subject_type AS "subjectType", subject_id AS "subjectId", created_at AS "createdAt", read_at AS "readAt"`;

@Resolver(() => NotificationType)
export class NotificationsResolver {
  @Query(() => [NotificationType], { description: 'Your notifications, newest first.' })
  myNotifications(
    @Arg('unreadOnly', () => Boolean, { defaultValue: false }) unreadOnly: boolean,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() context: RequestContext,
  ) {
    return context.deps.dataSource.query(
      `SELECT ${COLUMNS} FROM notification WHERE user_id = $1 ${unreadOnly ? 'AND read_at IS NULL' : ''}
        ORDER BY created_at DESC, id DESC LIMIT $2`,
      [requireScope(context).userId, Math.min(Math.max(first, 1), 200)],
    );
  }

  @Mutation(() => NotificationType)
  async markNotificationRead(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext) {
    const rows = await context.deps.dataSource.query(
      `WITH marked AS (UPDATE notification SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND user_id = $2 RETURNING *)
       SELECT ${COLUMNS} FROM marked`,
      [id, requireScope(context).userId, context.deps.clock.now()],
    );
    if (!rows[0]) throw new NotFound('The notification');
    return rows[0];
  }
}
