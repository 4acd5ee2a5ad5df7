import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useViewer } from '../viewer';

/** The district a page shows, the viewer's first until they choose another. */
export function useViewerDistrict() {
  const viewer = useViewer();
  return useState(viewer.districts[0]?.id ?? '');
}

/** A choice among the viewer's districts, offered only to someone who works in more than one. */
export function DistrictChoice({ label, value, onChange }: { label: string; value: string; onChange: (districtId: string) => void }) {
  const viewer = useViewer();
  if (viewer.districts.length <= 1) return null;
  return (
    <Field>
      <Label>{label}</Label>
      <Select value={value} onChange={(e) => onChange(e.target.value)}>
        {viewer.districts.map((d) => (
          <Select.Option key={d.id} value={d.id}>
            {d.name}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
