import { DataSource } from 'typeorm';
import { DistrictPolicy } from '../../domain/districts/district-policy';

/**
 * District policy versions never change once committed (a change is a new
 * version), so each is read once per database and process. Only committed
 * versions go in: a version read inside a transaction is remembered after
 * that transaction commits.
 */
const byDatabase = new WeakMap<DataSource, Map<string, DistrictPolicy>>();

export const policyKey = (districtId: string, version: number) => `${districtId}:${version}`;

export function committedPolicy(dataSource: DataSource, districtId: string, version: number): DistrictPolicy | undefined {
  return byDatabase.get(dataSource)?.get(policyKey(districtId, version));
}

export function rememberCommittedPolicies(dataSource: DataSource, policies: ReadonlyMap<string, DistrictPolicy>): void {
  if (policies.size === 0) return;
  let cache = byDatabase.get(dataSource);
  if (!cache) byDatabase.set(dataSource, (cache = new Map()));
  for (const [key, policy] of policies) cache.set(key, policy);
}
