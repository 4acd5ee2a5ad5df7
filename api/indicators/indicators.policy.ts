import type { IndicatorCellType } from '../../schema/indicators/indicator.type';
import type { ComplianceLateItemType, ComplianceRowType } from '../../schema/indicators/compliance.type';
import { LegalBasis } from '../../domain/access/legal-basis';
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
    period: statistics,
    value: statistics,
    numerator: statistics,
    denominator: statistics,
    pending: statistics,
    suppressed: statistics,
    windowOpen: statistics,
    definitionSv: statistics,
    definitionEn: statistics,
  },
});

/** Supervision of the supervisor's own districts: counts, and the late reports by reference, as social services handling them. */
const supervision = [grant([Role.SOCIAL_SERVICES_SUPERVISOR], and(sameMunicipality, sameDistrict), null)];
const lateReports = [grant([Role.SOCIAL_SERVICES_SUPERVISOR], sameDistrict, LegalBasis.SAME_AGENCY)];

export const complianceRowPolicy = definePolicy<ComplianceRowType>()<ComplianceRowType & { municipalityId: string }>({
  type: 'ComplianceRow',
  personal: false,
  rows: supervision,
  facts: (row) => ({ municipalityId: row.municipalityId, districtId: row.districtId }),
  fields: {
    districtId: supervision,
    districtName: supervision,
    month: supervision,
    clock: supervision,
    fellDue: supervision,
    met: supervision,
    late: supervision,
    shareMet: supervision,
    lateItems: supervision,
  },
});

export const complianceLateItemPolicy = definePolicy<ComplianceLateItemType>()<
  ComplianceLateItemType & { id: string; childId: string; districtId: string }
>({
  type: 'ComplianceLateItem',
  personal: true,
  rows: lateReports,
  facts: (row) => ({ entityId: row.id, childId: row.childId, districtId: row.districtId }),
  fields: { reference: lateReports, dueAt: lateReports, doneAt: lateReports, reason: lateReports, reasonText: lateReports },
});

export const INDICATORS_ACCESS: ModuleAccess = {
  types: [indicatorCellPolicy, complianceRowPolicy, complianceLateItemPolicy],
  queries: { indicators: [Role.ANALYST, Role.SOCIAL_SERVICES_SUPERVISOR], complianceReport: [Role.SOCIAL_SERVICES_SUPERVISOR] },
};
