import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@apollo/client/react';
import { ListStatus, Loading } from '../components/Status';
import { UNREAD_COUNT_QUERY } from '../components/Layout';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { Link, navigate } from '../router';
import { useEffect } from 'react';
import { hasRole, SOCIAL_SERVICES_ROLES, useViewer, ViewerData } from '../viewer';
import { PageSection } from '../components/PageSection';

const MY_NOTIFICATIONS = graphql(`
  query MyNotifications {
    myNotifications(first: 50) {
      id
      kind
      title
      body
      subjectType
      subjectId
      createdAt
      readAt
    }
  }
`);
const MARK_READ = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      id
      readAt
    }
  }
`);

/** Social services open the report; a reporter sees it, with its feedback, in their own list. */
export function linkFor(viewer: ViewerData, subjectType?: string | null, subjectId?: string | null): string | null {
  if (subjectType === 'TALK' && subjectId) return hasRole(viewer, ...SOCIAL_SERVICES_ROLES) ? `/talks/${subjectId}` : '/talks/mine';
  if (subjectType !== 'REPORT' || !subjectId) return null;
  return hasRole(viewer, ...SOCIAL_SERVICES_ROLES) ? `/reports/${subjectId}` : '/reports/mine';
}

export function NotificationsPage() {
  const { t, formatDateTime } = useI18n();
  const viewer = useViewer();
  const { data, loading, error, refetch } = useQuery(MY_NOTIFICATIONS);
  const [markRead] = useMutation(MARK_READ, { refetchQueries: [UNREAD_COUNT_QUERY] });
  const items = data?.myNotifications ?? [];
  return (
    <PageSection id="notifications-title" title={t.notifications.title} className="narrow">
      <ListStatus data={data} loading={loading} error={error} onRetry={refetch} count={items.length} empty={t.notifications.empty} />
      <ul className="plain-list">
        {items.map((n) => {
          const href = linkFor(viewer, n.subjectType, n.subjectId);
          return (
            <li key={n.id} className={`card notification${n.readAt ? '' : ' unread'}`}>
              <Heading level={2} data-size="xs">
                {n.title} {!n.readAt && <Tag data-color="info">{t.notifications.unread}</Tag>}
              </Heading>
              <Paragraph data-size="sm">{n.body}</Paragraph>
              <Paragraph data-size="xs" className="muted">
                {formatDateTime(n.createdAt)}
              </Paragraph>
              <div className="actions">
                {href && (
                  <Link
                    href={href}
                    onClick={() => {
                      if (!n.readAt) markRead({ variables: { id: n.id } }).catch(() => undefined);
                    }}
                  >
                    {t.notifications.open}
                  </Link>
                )}
                {!n.readAt && (
                  <Button variant="tertiary" data-size="sm" onClick={() => markRead({ variables: { id: n.id } }).catch(() => undefined)}>
                    {t.notifications.markRead}
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </PageSection>
  );
}

/** `/open/<type>/<id>`, the link in a notification e-mail: goes on to the page this reader opens for it. */
export function OpenNotificationSubject({ type, id }: { type: string; id: string }) {
  const viewer = useViewer();
  const target = linkFor(viewer, type.toUpperCase(), id) ?? '/notifications';
  useEffect(() => navigate(target, { replace: true }), [target]);
  return <Loading />;
}
