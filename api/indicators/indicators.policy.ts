import type { IndicatorCellType } from '../../schema/indicators/indicator.type';
import { and, sameDistrict, sameMunicipality } from '../../domain/access/conditions';
import { definePolicy, grant, ModuleAccess } from '../../domain/access/policy';
import { Role } from '../../domain/access/roles';

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
    indicator: statistics,
    districtId: statistics,
    districtName: statistics,
    value: statistics,
    numerator: statistics,
    denominator: statistics,
    pending: statistics,
    suppressed: statistics,
    formula: statistics,
  },
});

export const INDICATORS_ACCESS: ModuleAccess = {
  types: [indicatorCellPolicy],
  queries: { reportIndicators: [Role.ANALYST, Role.SOCIAL_SERVICES_SUPERVISOR] },
};
