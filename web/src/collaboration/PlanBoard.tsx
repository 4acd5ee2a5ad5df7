import { Button, Field, Heading, Label, Paragraph, Select, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { localToIso, useOutOfReach } from '../components/FormErrors';
import { SelectField, useForm } from '../components/use-form';
import { useDistrictTimeZone } from '../components/district-time';
import { graphql } from '../gql';
import type { PlanActionKind, PlanActionStatus } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { CaseData, casePeople, Refetch, REFETCH_CASE } from './case.queries';
import { calendarDateAt, formatCalendarDate } from '../../../domain/time/calendar-date';

const ADD_PLAN_ACTION = graphql(`
  mutation AddPlanAction($input: AddPlanActionInput!) {
    addPlanAction(input: $input) {
      id
    }
  }
`);
export const UPDATE_PLAN_ACTION = graphql(`
  mutation UpdatePlanAction($input: UpdatePlanActionInput!) {
    updatePlanAction(input: $input) {
      id
      status
      dueAt
      cancelReason
      overdue
    }
  }
`);

export const STATUSES: PlanActionStatus[] = ['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'];
const KINDS: PlanActionKind[] = ['SCHOOL_SUPPORT', 'LEISURE_ACTIVITY', 'GUARDIAN_SUPPORT', 'DRUG_SUPPORT', 'POLICE_COOPERATION', 'OTHER'];
type Action = NonNullable<CaseData['actions']>[number];

/** `YYYY-MM-DD` of an instant, for a date input. */
export function dateInput(iso: string | null | undefined): string {
  return iso ? formatCalendarDate(calendarDateAt(new Date(iso))) : '';
}

/** Status, cancel reason and due date of one action: the fields its editors may change. */
export function ActionStatusForm({
  action,
  refetch = REFETCH_CASE,
  onGone,
}: {
  action: Pick<Action, 'id' | 'status' | 'dueAt'>;
  refetch?: Refetch;
  /** Called when the action is out of reach, so the page can say why and reload. */
  onGone?: () => void;
}) {
  const { t } = useI18n();
  const zone = useDistrictTimeZone();
  const [status, setStatus] = useState<PlanActionStatus>(action.status ?? 'PLANNED');
  const [dueAt, setDueAt] = useState(dateInput(action.dueAt));
  const [cancelReason, setCancelReason] = useState('');
  const [update, { loading, error, data }] = useMutation(UPDATE_PLAN_ACTION, refetch);
  const gone = useOutOfReach(error, onGone);
  const form = useForm(
    {
      status: { id: `action-${action.id}-status`, label: t.cases.status, value: status },
      cancelReason:
        status === 'CANCELLED'
          ? { id: `action-${action.id}-cancel-reason`, label: t.cases.cancelReason, value: cancelReason, required: true }
          : null,
      dueAt: { id: `action-${action.id}-due`, label: t.cases.due, value: dueAt, kind: 'date' },
    },
    { error: gone ? undefined : error, timeZone: zone },
  );
  const submit = form.submit(() => {
    const changedDue = dueAt !== dateInput(action.dueAt) ? localToIso(`${dueAt}T16:00`, zone) : null;
    return update({
      variables: {
        input: {
          actionId: action.id,
          status: status !== action.status ? status : null,
          dueAt: changedDue,
          cancelReason: status === 'CANCELLED' ? cancelReason.trim() || null : null,
        },
      },
    });
  });
  return (
    <form onSubmit={submit} noValidate className="action-form">
      {form.summary}
      <Field>
        <Label htmlFor={`action-${action.id}-status`}>{t.cases.status}</Label>
        <Select id={`action-${action.id}-status`} value={status} onChange={(e) => setStatus(e.target.value as PlanActionStatus)}>
          {STATUSES.map((s) => (
            <Select.Option key={s} value={s}>
              {t.cases.statuses[s]}
            </Select.Option>
          ))}
        </Select>
        {form.field('status').error && <ValidationMessage>{form.field('status').error}</ValidationMessage>}
      </Field>
      {status === 'CANCELLED' && (
        <Textfield {...form.field('cancelReason')} value={cancelReason} onChange={(e) => setCancelReason(e.target.value)} />
      )}
      <Textfield type="date" {...form.field('dueAt')} value={dueAt} onChange={(e) => setDueAt(e.target.value)} />
      {data && !error && (
        <Paragraph role="status" data-size="sm">
          {t.cases.saved}
        </Paragraph>
      )}
      <div>
        <Button type="submit" variant="secondary" data-size="sm" loading={loading}>
          {t.cases.saveAction}
        </Button>
      </div>
    </form>
  );
}

function ActionCard({ action, editable }: { action: Action; editable: boolean }) {
  const { t, formatDate } = useI18n();
  return (
    <li className="plan-card" data-testid="plan-action" data-status={action.status}>
      <Paragraph data-size="sm">
        <strong>{action.responsibleAgency?.name}</strong> · {action.kind && t.cases.kinds[action.kind]}
      </Paragraph>
      <Paragraph>{action.description}</Paragraph>
      <Paragraph data-size="sm" className="muted">
        {action.responsible?.displayName} · {t.cases.dueOn(formatDate(action.dueAt))}
        {action.overdue && (
          <>
            {' '}
            <Tag data-color="danger">{t.cases.overdue}</Tag>
          </>
        )}
      </Paragraph>
      {action.cancelReason && (
        <Paragraph data-size="sm">
          {t.cases.cancelReason}: {action.cancelReason}
        </Paragraph>
      )}
      {editable && <ActionStatusForm action={action} />}
    </li>
  );
}

function AddActionForm({ theCase }: { theCase: CaseData }) {
  const { t } = useI18n();
  const zone = useDistrictTimeZone();
  const people = casePeople(theCase);
  const [kind, setKind] = useState<PlanActionKind | ''>('');
  const [description, setDescription] = useState('');
  const [responsibleUserId, setResponsible] = useState('');
  const [dueAt, setDueAt] = useState('');
  const [add, { loading, error }] = useMutation(ADD_PLAN_ACTION, REFETCH_CASE);
  const form = useForm(
    {
      kind: { id: 'add-action-kind', label: t.cases.kind, value: kind, kind: 'choice', required: true },
      responsibleUserId: {
        id: 'add-action-responsible',
        label: t.cases.responsible,
        value: responsibleUserId,
        kind: 'choice',
        required: true,
      },
      dueAt: { id: 'add-action-due', label: t.cases.due, value: dueAt, kind: 'date', required: true, when: 'future' },
      description: { id: 'add-action-description', label: t.cases.description, value: description, required: true },
    },
    { error, timeZone: zone },
  );
  const submit = form.submit(() =>
    add({
      variables: {
        input: {
          caseId: theCase.id,
          kind: kind as PlanActionKind,
          description: description.trim(),
          responsibleUserId,
          dueAt: localToIso(`${dueAt}T16:00`, zone)!,
        },
      },
    }).then(() => {
      setKind('');
      setDescription('');
      setResponsible('');
      setDueAt('');
      form.reset();
    }),
  );
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="add-action-title">
      <Heading level={3} data-size="xs" id="add-action-title">
        {t.cases.addAction}
      </Heading>
      {form.summary}
      <div className="row">
        <SelectField field={form.field('kind')} value={kind} onChange={(v) => setKind(v as PlanActionKind)}>
          {KINDS.map((k) => (
            <Select.Option key={k} value={k}>
              {t.cases.kinds[k]}
            </Select.Option>
          ))}
        </SelectField>
        <SelectField field={form.field('responsibleUserId')} value={responsibleUserId} onChange={setResponsible}>
          {people.map((p) => (
            <Select.Option key={p.id} value={p.id}>
              {p.agency ? `${p.name}, ${p.agency}` : p.name}
            </Select.Option>
          ))}
        </SelectField>
        <Textfield type="date" {...form.field('dueAt')} value={dueAt} onChange={(e) => setDueAt(e.target.value)} />
      </div>
      <Textfield multiline rows={2} {...form.field('description')} value={description} onChange={(e) => setDescription(e.target.value)} />
      <div>
        <Button type="submit" loading={loading}>
          {t.cases.addAction}
        </Button>
      </div>
    </form>
  );
}

/** The commitment plan as a board: one column per status, filtered by agency. */
export function PlanBoard({ theCase }: { theCase: CaseData }) {
  const { t } = useI18n();
  const [agencyId, setAgencyId] = useState('');
  const actions = theCase.actions ?? [];
  const agencies = [
    ...new Map(
      actions.flatMap((a) => (a.responsibleAgency ? [[a.responsibleAgency.id, a.responsibleAgency.name] as const] : [])),
    ).entries(),
  ];
  const shown = actions.filter((a) => !agencyId || a.responsibleAgency?.id === agencyId);
  const open = theCase.state !== 'CLOSED';
  return (
    <section id="plan" aria-labelledby="plan-title" className="card case-section">
      <Heading level={2} data-size="sm" id="plan-title">
        {t.cases.planTitle}
      </Heading>
      {actions.length === 0 ? (
        <Paragraph>{t.cases.planEmpty}</Paragraph>
      ) : (
        <>
          <div className="toolbar">
            <Field>
              <Label>{t.cases.agencyFilter}</Label>
              <Select value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
                <Select.Option value="">{t.cases.allAgencies}</Select.Option>
                {agencies.map(([id, name]) => (
                  <Select.Option key={id} value={id}>
                    {name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          </div>
          <div className="plan-board">
            {STATUSES.map((status) => {
              const column = shown.filter((a) => a.status === status);
              return (
                <section key={status} aria-labelledby={`plan-${status}`} className="plan-column">
                  <Heading level={3} data-size="xs" id={`plan-${status}`}>
                    {t.cases.statuses[status]} ({column.length})
                  </Heading>
                  <ul className="plain-list">
                    {column.map((a) => (
                      <ActionCard key={a.id} action={a} editable={open} />
                    ))}
                  </ul>
                </section>
              );
            })}
          </div>
        </>
      )}
      {open && theCase.state !== 'INTAKE' && theCase.state !== 'CONSENT_PENDING' && <AddActionForm theCase={theCase} />}
    </section>
  );
}
