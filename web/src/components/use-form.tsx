import { Checkbox, Field, Fieldset, Label, Radio, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { FormEvent, ReactNode, useCallback, useState } from 'react';
import { calendarDateAt, formatCalendarDate } from '../../../domain/time/calendar-date';
import { apiErrors, FieldErrors } from '../errors';
import { useI18n } from '../i18n/i18n';
import type { Messages } from '../i18n/messages';
import { localToIso } from './FormErrors';
import { FormErrorSummary, Problem } from './ErrorSummary';
import { useDistrictTimeZone } from './district-time';

/** What a field holds, which decides the message when it is empty or malformed. */
export type FieldKind = 'text' | 'choice' | 'choices' | 'number' | 'date' | 'time' | 'datetime';

/** One field of a form: its value now and what it must be. */
export interface FieldRule {
  /** The input's id: the summary links to it. */
  readonly id: string;
  readonly label: string;
  readonly value: string | readonly string[] | boolean;
  readonly kind?: FieldKind;
  readonly required?: boolean;
  /** Said when a required field is empty, where the usual "Fyll i …" would not tell how to go on. */
  readonly emptyMessage?: string;
  readonly maxLength?: number;
  /** A date or time that must lie ahead (a booking) or that must have been (an observation). */
  readonly when?: 'future' | 'past';
  /** A check of the form's own (a personal identity number); runs only once the field passes the rules above. */
  readonly check?: () => string | undefined;
  /** The API's names for the field (`extensions.field` without `input.`); by default the rule's key. */
  readonly api?: readonly string[];
}

export type FieldRules<K extends string> = Record<K, FieldRule | null>;

const isEmpty = (v: FieldRule['value']) => (typeof v === 'boolean' ? !v : typeof v === 'string' ? !v.trim() : v.length === 0);

/** The message beside one field, or undefined when it is fine. Pure, so a form can also ask it before submitting. */
export function ruleProblem(rule: FieldRule, t: Messages, timeZone: string, now: Date): string | undefined {
  const { value, label, kind = 'text' } = rule;
  if (isEmpty(value)) {
    if (!rule.required) return undefined;
    if (rule.emptyMessage) return rule.emptyMessage;
    if (kind === 'choice') return t.forms.chooseOne(label);
    if (kind === 'choices') return t.forms.chooseSome(label);
    if (kind === 'number') return t.forms.enterNumber(label);
    if (kind === 'date' || kind === 'datetime') return t.forms.enterDate(label);
    if (kind === 'time') return t.forms.enterTime(label);
    return t.forms.enterText(label);
  }
  const text = typeof value === 'string' ? value.trim() : '';
  if (kind === 'number' && !/^\d+$/.test(text)) return t.forms.enterNumber(label);
  if (kind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(text)) return t.forms.enterDate(label);
  if (kind === 'time' && !/^\d{2}:\d{2}/.test(text)) return t.forms.enterTime(label);
  if (kind === 'datetime' && !localToIso(text, timeZone)) return t.forms.enterDate(label);
  if (rule.maxLength && text.length > rule.maxLength) return t.forms.tooLong(label, rule.maxLength);
  if (kind === 'date' && rule.when) {
    const today = formatCalendarDate(calendarDateAt(now, timeZone));
    if (rule.when === 'future' && text < today) return t.forms.datePassedDay;
    if (rule.when === 'past' && text > today) return t.forms.dateNotYet;
  }
  if (kind === 'datetime' && rule.when) {
    const at = Date.parse(localToIso(text, timeZone) ?? '');
    if (rule.when === 'future' && at < now.getTime()) return t.forms.datePassed;
    if (rule.when === 'past' && at > now.getTime()) return t.forms.dateNotYet;
  }
  return rule.check?.();
}

/**
 * What an input needs from the form: its id, its label (marked when required), its error, `required`. The visible
 * mark is hidden from screen readers, which hear "required" from the input itself, and keeps the field's name plain.
 */
export interface BoundField {
  readonly id: string;
  readonly label: ReactNode;
  readonly error: string | undefined;
  readonly required: boolean;
}

export interface Form {
  field(name: string): BoundField;
  /** Errors the API reported for no field of this form. */
  readonly general: string[];
  /** Validates; on problems shows the summary and focuses it, else runs `send` (a rejection does the same). */
  submit(send: () => Promise<unknown> | void): (event?: FormEvent) => void;
  /** Back to an untouched form, after a successful send. */
  reset(): void;
  /** The error summary, at the top of the form. */
  readonly summary: ReactNode;
}

/**
 * One form's validation: specific messages beside each field and in a summary with links at the top, which takes the
 * focus after a failed submit; the API's `BAD_USER_INPUT` errors (`extensions.field`) join the same summary.
 * A `null` rule is a field the form does not show now.
 */
export function useForm<K extends string>(rules: FieldRules<K>, options: { error?: unknown; timeZone?: string } = {}): Form {
  const { t, lang } = useI18n();
  const districtZone = useDistrictTimeZone();
  const timeZone = options.timeZone ?? districtZone;
  const [tried, setTried] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const failed = useCallback(() => setAttempt((n) => n + 1), []);
  const entries = (Object.entries(rules) as [K, FieldRule | null][]).filter((e): e is [K, FieldRule] => !!e[1]);
  const labels: Record<string, string> = {};
  for (const [name, rule] of entries) for (const api of rule.api ?? [name]) labels[api] = rule.label;
  const server: FieldErrors = options.error ? apiErrors(options.error, lang, t.unexpectedError, labels) : { byField: {}, general: [] };
  const now = new Date();
  const messages = new Map<K, string | undefined>(
    entries.map(([name, rule]) => [
      name,
      (tried ? ruleProblem(rule, t, timeZone, now) : undefined) ?? (rule.api ?? [name]).map((api) => server.byField[api]).find(Boolean),
    ]),
  );
  const general = [
    ...server.general,
    ...Object.entries(server.byField)
      .filter(([f]) => !(f in labels))
      .map(([, m]) => m),
  ];
  const problems: Problem[] = entries.flatMap(([name, rule]) => {
    const message = messages.get(name);
    return message ? [{ id: rule.id, message }] : [];
  });

  return {
    field(name) {
      const rule = rules[name as K];
      if (!rule) throw new Error(`The form has no field ${name}`);
      const label = rule.required ? (
        <>
          {rule.label}{' '}
          <span aria-hidden="true" className="required-mark">
            {t.forms.requiredMark}
          </span>
        </>
      ) : (
        rule.label
      );
      return { id: rule.id, label, error: messages.get(name as K), required: !!rule.required };
    },
    general,
    submit: (send) => (event) => {
      event?.preventDefault();
      setTried(true);
      if (entries.some(([, rule]) => ruleProblem(rule, t, timeZone, new Date()))) return failed();
      Promise.resolve().then(send).catch(failed);
    },
    reset: () => setTried(false),
    summary: <FormErrorSummary problems={[...problems, ...general.map((message) => ({ id: '', message }))]} attempt={attempt} />,
  };
}

/** A dropdown bound to a form field: label, `aria-required`, the error beside it and in the summary. */
export function SelectField(props: {
  field: BoundField;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { field } = props;
  return (
    <Field>
      <Label htmlFor={field.id}>{field.label}</Label>
      {props.description}
      <Select
        id={field.id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-required={field.required || undefined}
        aria-invalid={field.error ? true : undefined}
      >
        <Select.Option value="">{props.placeholder ?? t.flag.choose}</Select.Option>
        {props.children}
      </Select>
      {field.error && <ValidationMessage>{field.error}</ValidationMessage>}
    </Field>
  );
}

/** A group of checkboxes bound to a form field: the summary links to the first box, the message is under the group. */
export function CheckboxesField<V extends string>(props: {
  field: BoundField;
  options: readonly { value: V; label: string }[];
  selected: readonly V[];
  onChange: (selected: V[]) => void;
  className?: string;
}) {
  const { field, selected } = props;
  return (
    <Fieldset>
      <Fieldset.Legend>{field.label}</Fieldset.Legend>
      <div className={props.className}>
        {props.options.map((o, i) => (
          <Checkbox
            key={o.value}
            id={i === 0 ? field.id : undefined}
            label={o.label}
            checked={selected.includes(o.value)}
            aria-invalid={field.error ? true : undefined}
            onChange={(e) => props.onChange(e.target.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value))}
          />
        ))}
      </div>
      {field.error && <ValidationMessage>{field.error}</ValidationMessage>}
    </Fieldset>
  );
}

/** Radio buttons bound to a form field: the summary links to the first, the message is under the group. */
export function RadiosField<V extends string>(props: {
  field: BoundField;
  name: string;
  options: readonly { value: V; label: string }[];
  value: string;
  onChange: (value: V) => void;
  description?: ReactNode;
}) {
  const { field } = props;
  return (
    <Fieldset>
      <Fieldset.Legend>{field.label}</Fieldset.Legend>
      {props.description && <Fieldset.Description>{props.description}</Fieldset.Description>}
      {props.options.map((o, i) => (
        <Radio
          key={o.value}
          id={i === 0 ? field.id : undefined}
          name={props.name}
          value={o.value}
          label={o.label}
          checked={props.value === o.value}
          onChange={() => props.onChange(o.value)}
          aria-invalid={field.error ? true : undefined}
        />
      ))}
      {field.error && <ValidationMessage>{field.error}</ValidationMessage>}
    </Fieldset>
  );
}
