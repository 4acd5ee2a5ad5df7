import { Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { parsePersonalIdentityNumber } from '../../../domain/children/personal-identity-number';
import { calendarDateAt } from '../../../domain/time/calendar-date';
import type { ReportCategory } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import type { Messages } from '../i18n/messages';
import { BoundField, FieldRule, Form, RadiosField, SelectField } from '../components/use-form';

/** The child a report is about, as typed: a personal identity number, or else both names. */
export interface ChildEntry {
  readonly pin: string;
  readonly givenName: string;
  readonly familyName: string;
}
export const emptyChild = (): ChildEntry => ({ pin: '', givenName: '', familyName: '' });

const checkPin = (pin: string) => parsePersonalIdentityNumber(pin, calendarDateAt(new Date()));

/** The child as the API takes it; a malformed number is refused by the form before this. */
export function childInput(child: ChildEntry) {
  const pin = child.pin.trim() ? checkPin(child.pin) : null;
  return {
    personalIdentityNumber: pin?.ok ? pin.value.normalized : null,
    givenName: child.givenName.trim() || null,
    familyName: child.familyName.trim() || null,
  };
}

/** The rules of the child's three fields, with ids under `prefix` (`prefix-pin`, `prefix-given-name`, …). */
export function childRules(child: ChildEntry, prefix: string, t: Messages): Record<'pin' | 'givenName' | 'familyName', FieldRule> {
  const noPin = !child.pin.trim();
  return {
    pin: {
      id: `${prefix}-pin`,
      label: t.fields.personalIdentityNumber,
      value: child.pin,
      api: ['child.personalIdentityNumber', 'child'],
      check: () => {
        const parsed = checkPin(child.pin);
        return parsed.ok ? undefined : t.pin[parsed.reason];
      },
    },
    givenName: {
      id: `${prefix}-given-name`,
      label: t.fields.givenName,
      value: child.givenName,
      api: ['child.givenName'],
      required: noPin,
      emptyMessage: t.pin.nameNeeded,
    },
    familyName: {
      id: `${prefix}-family-name`,
      label: t.fields.familyName,
      value: child.familyName,
      api: ['child.familyName'],
      required: noPin && !!child.givenName.trim(),
    },
  };
}

/** The child's number and names, the number checked as it is typed. */
export function ChildFields(props: {
  form: Form;
  names: { pin: string; givenName: string; familyName: string };
  child: ChildEntry;
  onChange: (patch: Partial<ChildEntry>) => void;
  hint?: string;
}) {
  const { t } = useI18n();
  const { form, names, child } = props;
  const pin = form.field(names.pin);
  const given = form.field(names.givenName);
  const family = form.field(names.familyName);
  const parsed = child.pin.trim() ? checkPin(child.pin) : null;
  const shownPinError = pin.error ?? (parsed && !parsed.ok ? t.pin[parsed.reason] : undefined);
  return (
    <>
      <Textfield
        id={pin.id}
        label={pin.label}
        description={props.hint ?? t.pin.hint}
        value={child.pin}
        inputMode="numeric"
        autoComplete="off"
        onChange={(e) => props.onChange({ pin: e.target.value })}
        error={shownPinError}
      />
      {parsed?.ok && (
        <Paragraph data-size="sm" role="status" className="success-text">
          {t.pin.ok(
            `${parsed.value.birthDate.year}-${String(parsed.value.birthDate.month).padStart(2, '0')}-${String(parsed.value.birthDate.day).padStart(2, '0')}`,
            parsed.value.isCoordinationNumber,
          )}
        </Paragraph>
      )}
      <div className="row">
        <Textfield
          id={given.id}
          label={t.fields.givenName}
          value={child.givenName}
          autoComplete="off"
          onChange={(e) => props.onChange({ givenName: e.target.value })}
          error={given.error}
        />
        <Textfield
          id={family.id}
          label={t.fields.familyName}
          value={child.familyName}
          autoComplete="off"
          onChange={(e) => props.onChange({ familyName: e.target.value })}
          error={family.error}
        />
      </div>
    </>
  );
}

export const CATEGORIES: ReportCategory[] = [
  'UNSUITABLE_ENVIRONMENT',
  'CRIMINAL_BEHAVIOUR',
  'SUSPECTED_CRIME',
  'DRUGS',
  'SCHOOL_ABSENCE',
  'OTHER',
];

/** What the concern is about: one of `categories`. */
export function CategoryField(props: { form: Form; value: string; onChange: (v: string) => void; categories?: readonly ReportCategory[] }) {
  const { t } = useI18n();
  return (
    <SelectField field={props.form.field('category')} value={props.value} onChange={props.onChange}>
      {(props.categories ?? CATEGORIES).map((c) => (
        <Select.Option key={c} value={c}>
          {t.categories[c]}
        </Select.Option>
      ))}
    </SelectField>
  );
}

/** Whether the reporter asks for feedback (old SoL 14:1 b): the flag and registration forms ask it the same way. */
export function FeedbackField(props: { field: BoundField; value: string; onChange: (v: 'yes' | 'no') => void }) {
  const { t } = useI18n();
  return (
    <RadiosField
      field={props.field}
      name="feedback"
      options={[
        { value: 'yes', label: t.yes },
        { value: 'no', label: t.no },
      ]}
      value={props.value}
      onChange={props.onChange}
      description={t.flag.feedbackHelp}
    />
  );
}
