import { Field, Label, Select } from '@digdir/designsystemet-react';
import { FormEvent, useMemo, useState } from 'react';
import { PeriodUnit } from '../../../domain/indicators/indicator-period';
import { useI18n } from '../i18n/i18n';
import { inUnit, Period, periodChoices } from './indicator-periods';

/** The period being picked (`draft`) and the one shown (`period`), which `show` makes the draft. */
export function usePeriodForm(initial: () => Period) {
  const [draft, setDraft] = useState<Period>(initial);
  const [period, setPeriod] = useState<Period>(draft);
  const show = (event: FormEvent) => {
    event.preventDefault();
    setPeriod(draft);
  };
  return { draft, setDraft, period, show };
}

/** The unit and the first and last period of it; `choiceLabel` names a period key (the key itself by default). */
export function PeriodFields({
  draft,
  onChange,
  choiceLabel = (key) => key,
}: {
  draft: Period;
  onChange: (period: Period) => void;
  choiceLabel?: (key: string) => string;
}) {
  const { t } = useI18n();
  const choices = useMemo(() => periodChoices(draft.unit, new Date()), [draft.unit]);
  return (
    <>
      <Field>
        <Label>{t.fields.unit}</Label>
        <Select value={draft.unit} onChange={(e) => onChange(inUnit(draft, e.target.value as PeriodUnit))}>
          {Object.values(PeriodUnit).map((u) => (
            <Select.Option key={u} value={u}>
              {t.indicators.units[u]}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {(['from', 'to'] as const).map((end) => (
        <Field key={end}>
          <Label>{t.fields[end]}</Label>
          <Select value={draft[end]} onChange={(e) => onChange({ ...draft, [end]: e.target.value })}>
            {choices.map((key) => (
              <Select.Option key={key} value={key}>
                {choiceLabel(key)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      ))}
    </>
  );
}
