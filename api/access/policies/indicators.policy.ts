import type { IndicatorCellType } from '../../../schema/indicators/indicator.type';
import { and, sameDistrict, sameMunicipality } from '../../../domain/access/conditions';
import { definePolicy, grant } from '../../../domain/access/policy';
import { Role } from '../../../domain/access/roles';

/** Aggregates, small cells suppressed: no child can be singled out, so no legal basis is involved. */
const statistics = [
  grant([Role.ANALYST], sameMunicipality, null),
  grant([Role.SOCIAL_SERVICES_SUPERVISOR], and(sameMunicipality, sameDistrict), null),
];

export const indicatorCellPolicy = definePolicy<IndicatorCellType>()<IndicatorCellType & { municipalityId: string }>({
  type: 'IndicatorCell',
  personal: false,
  rows: statistics,
  facts: (row) => ({ municipalityId: row.municipalityId, districtId: row.districtId }),
  fields: {
    indicator: statistics, districtId: statistics, districtName: statistics, period: statistics, value: statistics, numerator: statistics,
    denominator: statistics, pending: statistics, suppressed: statistics, windowOpen: statistics, definitionSv: statistics, definitionEn: statistics,
  },
});
