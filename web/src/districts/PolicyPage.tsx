import { Alert, Button, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { DEFAULT_DISTRICT_POLICY } from './district-defaults';
import { ListStatus } from '../components/Status';
import { graphql } from '../gql';
import type { DistrictsQuery, TalkDeadlineMode, UpdateDistrictPolicyInput } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { FieldRule, SelectField, useForm } from '../components/use-form';
import { SectionCard } from '../components/SectionCard';
import { PageSection } from '../components/PageSection';

/** The policy as the form edits it; saving answers it anew. */
graphql(`
  fragment DistrictPolicyFields on DistrictPolicy {
    version
    protectionAssessmentHours
    preliminaryAssessmentDays
    investigationMonths
    feedbackDays
    talkDeadlineMode
    talkDeadlineHours
    talkDeadlineDays
    talkMinimumAge
    investigationExtensionMonths
    receiptBackdateDays
    reportAgeLimit
    ssffAgeBand {
      min
      max
    }
    sspfAgeBand {
      min
      max
    }
    reminderPercents
    timeZone
  }
`);
const DISTRICTS = graphql(`
  query Districts {
    districts {
      id
      code
      name
      policy {
        ...DistrictPolicyFields
      }
    }
  }
`);
const UPDATE_POLICY = graphql(`
  mutation UpdateDistrictPolicy($input: UpdateDistrictPolicyInput!) {
    updateDistrictPolicy(input: $input) {
      id
      policy {
        ...DistrictPolicyFields
      }
    }
  }
`);

type District = DistrictsQuery['districts'][number];
const NUMBER_FIELDS = [
  'protectionAssessmentHours',
  'preliminaryAssessmentDays',
  'investigationMonths',
  'investigationExtensionMonths',
  'feedbackDays',
  'receiptBackdateDays',
  'reportAgeLimit',
  'talkDeadlineHours',
  'talkDeadlineDays',
  'talkMinimumAge',
] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];
const MODES: TalkDeadlineMode[] = ['HELD_WITHIN_HOURS', 'SUMMONS_WITHIN_HOURS', 'HELD_WITHIN_DAYS', 'FORUM_DECIDES'];

function band(b: { min: number; max: number }): string {
  return `${b.min}–${b.max}`;
}
function parseBand(text: string): { min: number; max: number } | null {
  const m = /^\s*(\d+)\s*[-–]\s*(\d+)\s*$/.exec(text);
  return m ? { min: Number(m[1]), max: Number(m[2]) } : null;
}

function DistrictPolicyForm({ district }: { district: District }) {
  const { t } = useI18n();
  const p = district.policy;
  const [values, setValues] = useState<Record<string, string>>(() => ({
    ...Object.fromEntries(NUMBER_FIELDS.map((f) => [f, p[f] === null || p[f] === undefined ? '' : String(p[f])])),
    talkDeadlineMode: p.talkDeadlineMode,
    reminderPercents: p.reminderPercents.join(', '),
    timeZone: p.timeZone,
    sspfAgeBand: band(p.sspfAgeBand),
    ssffAgeBand: band(p.ssffAgeBand),
  }));
  const fieldId = (f: string) => `policy-${district.id}-${f}`;
  const [update, { data, loading, error }] = useMutation(UPDATE_POLICY);
  const before = (f: NumberField) => (p[f] === null || p[f] === undefined ? '' : String(p[f]));
  const percents = values.reminderPercents
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const rule = (f: string, extra: Partial<FieldRule>): FieldRule => ({
    id: fieldId(f),
    label: t.policy[f as keyof typeof t.policy] as string,
    value: values[f],
    api: [f, `${f}.min`, `${f}.max`],
    ...extra,
  });
  const bandRule = (f: 'sspfAgeBand' | 'ssffAgeBand') =>
    rule(f, {
      required: true,
      emptyMessage: t.forms.enterBand(t.policy[f]),
      check: () => (parseBand(values[f]) ? undefined : t.forms.enterBand(t.policy[f])),
    });
  const form = useForm(
    {
      // A setting that has a value cannot be emptied; the API keeps what is not sent.
      ...Object.fromEntries(NUMBER_FIELDS.map((f) => [f, rule(f, { kind: 'number', required: before(f) !== '' })])),
      talkDeadlineMode: rule('talkDeadlineMode', { kind: 'choice', required: true }),
      reminderPercents: rule('reminderPercents', {
        required: true,
        emptyMessage: t.forms.enterNumbers(t.policy.reminderPercents),
        check: () => (percents.some((s) => !/^\d+$/.test(s)) ? t.forms.enterNumbers(t.policy.reminderPercents) : undefined),
      }),
      sspfAgeBand: bandRule('sspfAgeBand'),
      ssffAgeBand: bandRule('ssffAgeBand'),
      timeZone: rule('timeZone', { required: true }),
    },
    { error },
  );
  const set = (f: string) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [f]: e.target.value }));
  const defaults = DEFAULT_DISTRICT_POLICY as unknown as Record<string, unknown>;
  const defaultText = (f: string) => {
    const d = defaults[f];
    if (d === null || d === undefined) return '–';
    if (Array.isArray(d)) return d.join(', ');
    if (typeof d === 'object') return band(d as { min: number; max: number });
    return f === 'talkDeadlineMode' ? t.policy.modes[String(d)] : String(d);
  };

  // Sends only what changed; the form has checked every value first.
  const submit = form.submit(() => {
    const input: UpdateDistrictPolicyInput = { districtId: district.id };
    for (const f of NUMBER_FIELDS) {
      const raw = values[f].trim();
      if (raw !== before(f)) (input as Record<NumberField, number>)[f] = Number(raw);
    }
    if (values.talkDeadlineMode !== p.talkDeadlineMode) input.talkDeadlineMode = values.talkDeadlineMode as TalkDeadlineMode;
    if (values.timeZone.trim() !== p.timeZone) input.timeZone = values.timeZone.trim();
    if (percents.join(',') !== p.reminderPercents.join(',')) input.reminderPercents = percents.map(Number);
    for (const f of ['sspfAgeBand', 'ssffAgeBand'] as const) {
      const parsed = parseBand(values[f]);
      if (parsed && band(parsed) !== band(p[f])) input[f] = parsed;
    }
    return update({ variables: { input } });
  });

  const headingId = `district-${district.id}`;
  return (
    <SectionCard
      id={headingId}
      title={
        <>
          {district.name} <span className="muted">· {t.policy.version(p.version)}</span>
        </>
      }
    >
      <form onSubmit={submit} noValidate className="policy-grid">
        <div className="policy-actions">{form.summary}</div>
        {NUMBER_FIELDS.map((f) => (
          <Textfield
            key={f}
            {...form.field(f)}
            description={t.policy.defaultValue(defaultText(f))}
            inputMode="numeric"
            value={values[f]}
            onChange={set(f)}
          />
        ))}
        <SelectField
          field={form.field('talkDeadlineMode')}
          value={values.talkDeadlineMode}
          onChange={(value) => set('talkDeadlineMode')({ target: { value } })}
          description={
            <Paragraph data-size="sm" className="muted">
              {t.policy.defaultValue(defaultText('talkDeadlineMode'))}
            </Paragraph>
          }
        >
          {MODES.map((m) => (
            <Select.Option key={m} value={m}>
              {t.policy.modes[m]}
            </Select.Option>
          ))}
        </SelectField>
        {(['reminderPercents', 'sspfAgeBand', 'ssffAgeBand', 'timeZone'] as const).map((f) => (
          <Textfield key={f} {...form.field(f)} description={t.policy.defaultValue(defaultText(f))} value={values[f]} onChange={set(f)} />
        ))}
        <div className="policy-actions">
          {data && (
            <Alert data-color="success" role="status">
              <Paragraph>{t.policy.saved(data.updateDistrictPolicy.policy.version)}</Paragraph>
            </Alert>
          )}
          <Button type="submit" loading={loading}>
            {loading ? t.saving : t.save}
          </Button>
        </div>
      </form>
    </SectionCard>
  );
}

export function PolicyPage() {
  const { t } = useI18n();
  const { data, loading, error } = useQuery(DISTRICTS);
  return (
    <PageSection id="policy-title" title={t.policy.title}>
      <Paragraph>{t.policy.intro}</Paragraph>
      <ListStatus data={data} loading={loading} error={error} count={data?.districts.length ?? 0} empty="–" />
      {data?.districts.map((d) => (
        <DistrictPolicyForm key={d.id} district={d} />
      ))}
    </PageSection>
  );
}
