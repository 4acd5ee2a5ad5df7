import { Alert, Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import { useOutOfReach } from '../components/FormErrors';
import { useForm } from '../components/use-form';
import { ListStatus } from '../components/Status';
import { graphql } from '../gql';
import type { MyActionsQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import type { Refetch } from './case.queries';
import { ActionStatusForm } from './PlanBoard';
import { PageSection } from '../components/PageSection';

/** The notes under an action: the list shows them, and adding one answers them anew. */
graphql(`
  fragment ActionNotesFields on PlanAction {
    notes {
      id
      text
      writtenAt
      author {
        id
        displayName
      }
    }
  }
`);
export const MY_ACTIONS = graphql(`
  query MyActions {
    myActions {
      id
      caseId
      caseReference
      kind
      description
      dueAt
      status
      overdue
      cancelReason
      responsibleAgency {
        id
        name
      }
      responsible {
        id
        displayName
      }
      ...ActionNotesFields
    }
  }
`);
const ADD_NOTE = graphql(`
  mutation AddActionNote($input: AddActionNoteInput!) {
    addActionNote(input: $input) {
      id
      ...ActionNotesFields
    }
  }
`);

type Action = MyActionsQuery['myActions'][number];
const REFETCH_MINE: Refetch = { refetchQueries: ['MyActions'], awaitRefetchQueries: true };
/** Consent can be withdrawn while the page is open: look again now and then. */
const POLL_MS = 60_000;

function NoteForm({ action, onGone }: { action: Action; onGone: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [add, { loading, error }] = useMutation(ADD_NOTE, REFETCH_MINE);
  const gone = useOutOfReach(error, onGone);
  const form = useForm(
    { text: { id: `action-${action.id}-note`, label: t.actions.note, value: text, required: true } },
    { error: gone ? undefined : error },
  );
  const submit = form.submit(() =>
    add({ variables: { input: { actionId: action.id, text: text.trim() } } }).then(() => {
      setText('');
      form.reset();
    }),
  );
  return (
    <form onSubmit={submit} noValidate className="form">
      {form.summary}
      <Textfield multiline rows={2} {...form.field('text')} value={text} onChange={(e) => setText(e.target.value)} />
      <div>
        <Button type="submit" variant="secondary" data-size="sm" loading={loading}>
          {t.actions.addNote}
        </Button>
      </div>
    </form>
  );
}

export function ActionItem({ action, onGone }: { action: Action; onGone: () => void }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const headingId = `action-${action.id}`;
  return (
    <li className="card" data-testid="my-action" data-case={action.caseReference}>
      <Heading level={3} data-size="xs" id={headingId}>
        {action.kind && t.cases.kinds[action.kind]} · {action.status && t.cases.statuses[action.status]}
        {action.overdue && (
          <>
            {' '}
            <Tag data-color="danger">{t.cases.overdue}</Tag>
          </>
        )}
      </Heading>
      <Paragraph>{action.description}</Paragraph>
      <Paragraph data-size="sm" className="muted">
        {action.responsible?.displayName} · {action.responsibleAgency?.name} · {t.cases.dueOn(formatDate(action.dueAt))}
      </Paragraph>
      <div className="grid">
        <div>
          <Heading level={4} data-size="2xs">
            {t.actions.updateStatus}
          </Heading>
          <ActionStatusForm action={action} refetch={REFETCH_MINE} onGone={onGone} />
        </div>
        <div>
          <Heading level={4} data-size="2xs">
            {t.actions.notes}
          </Heading>
          {(action.notes ?? []).length === 0 ? (
            <Paragraph data-size="sm" className="muted">
              {t.actions.noNotes}
            </Paragraph>
          ) : (
            <ul className="plain-list">
              {(action.notes ?? []).map((n) => (
                <li key={n.id}>
                  <Paragraph data-size="sm">
                    {n.text} <span className="muted">({t.actions.byOn(n.author?.displayName ?? '–', formatDateTime(n.writtenAt))})</span>
                  </Paragraph>
                </li>
              ))}
            </ul>
          )}
          <NoteForm action={action} onGone={onGone} />
        </div>
      </div>
    </li>
  );
}

/** "Mina åtgärder": a partner's actions across cases; a case whose consent is withdrawn drops out. */
export function MyActionsPage() {
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(MY_ACTIONS, { pollInterval: POLL_MS, fetchPolicy: 'cache-and-network' });
  const [gone, setGone] = useState(false);
  const onGone = useCallback(() => {
    setGone(true);
    void refetch();
  }, [refetch]);
  const actions = data?.myActions ?? [];
  const byCase = new Map<string, Action[]>();
  for (const a of actions) byCase.set(a.caseReference ?? '', [...(byCase.get(a.caseReference ?? '') ?? []), a]);
  return (
    <PageSection id="actions-title" title={t.actions.title}>
      <Paragraph>{t.actions.intro}</Paragraph>
      {gone && (
        <Alert data-color="warning" role="status">
          <Paragraph>{t.actions.gone}</Paragraph>
        </Alert>
      )}
      <ListStatus data={data} loading={loading} error={error} onRetry={refetch} count={actions.length} empty={t.actions.empty} />
      {[...byCase].map(([reference, list]) => (
        <section key={reference} aria-labelledby={`case-${reference}`} data-testid="action-case" data-case={reference}>
          <Heading level={2} data-size="sm" id={`case-${reference}`}>
            <Link href={`/actions/cases/${list[0].caseId}`}>{t.cases.caseTitle(reference)}</Link>
          </Heading>
          <ul className="plain-list">
            {list.map((a) => (
              <ActionItem key={a.id} action={a} onGone={onGone} />
            ))}
          </ul>
        </section>
      ))}
    </PageSection>
  );
}
