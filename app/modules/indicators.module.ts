import { INDICATORS_ACCESS } from '../../api/indicators/indicators.policy';
import { COMPLIANCE_CSV_ROUTE, INDICATORS_CSV_ROUTE } from '../../api/indicators/indicators-export';
import { IndicatorsResolver } from '../../api/indicators/indicators.resolver';
import { INDICATORS_LABELS } from '../../domain/indicators/indicators.labels';
import { IndicatorMonth1734880300000 } from '../../db/indicators/migrations/1734880300000-indicator-month';
import { INDICATOR_STORE_WORKER } from '../../workers/indicators/indicator-store.job';
import { ModuleDescriptor } from '../module-descriptor';

export const INDICATORS_MODULE: ModuleDescriptor = {
  name: 'indicators',
  fieldLabels: INDICATORS_LABELS,
  migrations: [IndicatorMonth1734880300000],
  resolvers: [IndicatorsResolver],
  access: INDICATORS_ACCESS,
  routes: [INDICATORS_CSV_ROUTE, COMPLIANCE_CSV_ROUTE],
  queues: [INDICATOR_STORE_WORKER],
};
