import { Button, Field, Label, Paragraph, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { GeneralErrors } from '../components/FormErrors';
import { useForm } from '../components/use-form';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';

const STAFF = graphql(`
  query AssignableStaff($districtId: ID!) {
    staff(districtId: $districtId) {
      id
      displayName
      openReports
      openTalks
    }
  }
`);

/**
 * A supervisor hands a report or a talk to a colleague of the child's district, with each one's open reports and talks
 * beside the name. The list is the API's `staff` query, the same one the assign mutations check the choice against.
 */
export function AssignColleague(props: {
  districtId: string;
  currentId: string | null | undefined;
  loading: boolean;
  error: unknown;
  onAssign: (userId: string) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const id = useId();
  const [userId, setUserId] = useState('');
  const [done, setDone] = useState('');
  const { data, loading, error } = useQuery(STAFF, { variables: { districtId: props.districtId } });
  const form = useForm(
    { userId: { id, label: t.assign.label, value: userId, kind: 'choice', required: true, emptyMessage: t.assign.choose } },
    { error: props.error },
  );
  const choice = form.field('userId');
  const staff = data?.staff ?? [];
  const submit = form.submit(() => {
    const name = staff.find((s) => s.id === userId)?.displayName ?? '';
    setDone('');
    return props.onAssign(userId).then(() => {
      setDone(t.assign.done(name));
      setUserId('');
      form.reset();
    });
  });
  return (
    <form onSubmit={submit} noValidate className="form assign-form">
      {form.summary}
      <Field>
        <Label htmlFor={id}>{choice.label}</Label>
        <Field.Description>{t.assign.help}</Field.Description>
        <Select
          id={id}
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
          disabled={loading && !data}
          aria-required
          aria-invalid={choice.error ? true : undefined}
        >
          <Select.Option value="">{loading && !data ? t.assign.loading : t.flag.choose}</Select.Option>
          {staff.map((s) => (
            <Select.Option key={s.id} value={s.id} disabled={s.id === props.currentId}>
              {t.assign.option(s.displayName ?? '–', s.openReports ?? 0, s.openTalks ?? 0, s.id === props.currentId)}
            </Select.Option>
          ))}
        </Select>
        {choice.error && <ValidationMessage>{choice.error}</ValidationMessage>}
      </Field>
      {error && <GeneralErrors errors={{ byField: {}, general: [t.unexpectedError] }} />}
      <Button type="submit" variant="secondary" loading={props.loading}>
        {t.assign.submit}
      </Button>
      <Paragraph role="status" data-size="sm">
        {done}
      </Paragraph>
    </form>
  );
}
