import DataLoader from 'dataloader';
import { EntityManager } from 'typeorm';
import {
  AgencyRow,
  DistrictRow,
  PolicyRow,
  ReporterContactRow,
  StaffRow,
  organisationRepository,
} from '../../db/organisation/organisation.repository';
import { byKey } from '../batching';

const policyKey = (k: { districtId: string; version: number }) => `${k.districtId}:${k.version}`;

export function organisationLoaders(manager: EntityManager) {
  return {
    agency: new DataLoader<string, AgencyRow | null>(async (ids) =>
      byKey(ids, await organisationRepository.agenciesByIds(manager, ids), (r) => r.id),
    ),
    district: new DataLoader<string, DistrictRow | null>(async (ids) =>
      byKey(ids, await organisationRepository.districtsByIds(manager, ids), (r) => r.id),
    ),
    policy: new DataLoader<{ districtId: string; version: number }, PolicyRow | null, string>(
      async (keys) => byKey(keys.map(policyKey), await organisationRepository.policiesByKeys(manager, keys), policyKey),
      { cacheKeyFn: policyKey },
    ),
    staffMember: new DataLoader<string, StaffRow | null>(async (ids) =>
      byKey(ids, await organisationRepository.staffByIds(manager, ids), (r) => r.id),
    ),
    reporterContact: new DataLoader<string, ReporterContactRow | null>(async (ids) =>
      byKey(ids, await organisationRepository.reporterContactsByIds(manager, ids), (r) => r.id),
    ),
  };
}

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof organisationLoaders> {}
}
