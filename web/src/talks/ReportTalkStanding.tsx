import { Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { SectionCard } from '../components/SectionCard';

const STANDING = graphql(`
  query ReportTalkStanding($reportId: ID!) {
    reportTalkAssessment(reportId: $reportId) {
      standing
      talk {
        id
        reference
      }
      forumItem {
        meetsOn
        holdTalk
        targetDate
        decidedAt
        decidedBy
        noReason
        noReasonText
      }
    }
  }
`);

/** On the report page: whether the report waits for the forum, which said yes (the talk) or no (why, when, by whom), or opened no talk. */
export function ReportTalkStanding({ reportId }: { reportId: string }) {
  const { t, formatDate, formatDateTime } = useI18n();
  // Reports that were never assessed for a talk (not from the police) have no standing: the section stays away.
  const { data } = useQuery(STANDING, { variables: { reportId }, errorPolicy: 'ignore' });
  const a = data?.reportTalkAssessment;
  if (!a?.standing || a.standing === 'NOT_ELIGIBLE') return null;
  const item = a.forumItem;
  return (
    <SectionCard id="talk-standing-title" title={t.forum.standingTitle} data-testid="talk-standing" data-standing={a.standing}>
      <Paragraph>{t.forum.standing[a.standing]}</Paragraph>
      {a.standing === 'AWAITING_FORUM' && (
        <Paragraph>{item?.meetsOn ? t.forum.onAgenda(formatDate(item.meetsOn)) : t.forum.nextAgenda}</Paragraph>
      )}
      {item?.decidedAt && item.holdTalk === false && (
        <Paragraph>
          {t.forum.noReason}: {item.noReason ? t.forum.reasons[item.noReason] : ''}
          {item.noReasonText ? ` (${item.noReasonText})` : ''}. {t.forum.decidedBy(formatDateTime(item.decidedAt), item.decidedBy ?? null)}
        </Paragraph>
      )}
      {item?.decidedAt && item.holdTalk && (
        <Paragraph>
          {t.forum.decidedYes(formatDate(item.targetDate ?? ''), null)}{' '}
          {t.forum.decidedBy(formatDateTime(item.decidedAt), item.decidedBy ?? null)}
        </Paragraph>
      )}
      {a.talk && (
        <Paragraph>
          <Link href={`/talks/${a.talk.id}`}>{t.forum.talkLink(a.talk.reference ?? '')}</Link>
        </Paragraph>
      )}
      {a.standing === 'AWAITING_FORUM' && (
        <Paragraph>
          <Link href="/forum">{t.forum.openForum}</Link>
        </Paragraph>
      )}
    </SectionCard>
  );
}
