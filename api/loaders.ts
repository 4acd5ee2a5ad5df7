import DataLoader from 'dataloader';
import { createTalkLoaders } from './talks/talk.loaders';
import { EntityManager } from 'typeorm';
import { ViewerScope } from '../domain/access/viewer-scope';
import { ChildMatchRow, ChildRow, GuardianRow, childRepository } from '../db/children/child.repository';
import { DeadlineRow, deadlineRepository } from '../db/deadlines/deadline.repository';
import { InvestigationExtensionRow, ReportRow, reportRepository } from '../db/reports/report.repository';
import { DeadlineSubject } from '../domain/deadlines/deadline-kinds';
import { SubjectRef } from '../domain/deadlines/deadline-subjects';
import { AgencyRow, DistrictRow, PolicyRow, ReporterContactRow, StaffRow, organisationRepository } from '../db/organisation/organisation.repository';

function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? null);
}

const subjectKey = (ref: SubjectRef) => `${ref.type}:${ref.id}`;

function groupBy<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const list = map.get(keyOf(row)) ?? [];
    list.push(row);
    map.set(keyOf(row), list);
  }
  return keys.map((key) => map.get(key) ?? []);
}

/** Per-request batching: every relation goes through one of these, so lists cost one query per relation. */
export function createLoaders(manager: EntityManager, scope: ViewerScope | null) {
  return {
    agency: new DataLoader<string, AgencyRow | null>(async (ids) =>
      byKey(ids, await organisationRepository.agenciesByIds(manager, ids), (r) => r.id)),
    district: new DataLoader<string, DistrictRow | null>(async (ids) =>
      byKey(ids, await organisationRepository.districtsByIds(manager, ids), (r) => r.id)),
    policy: new DataLoader<{ districtId: string; version: number }, PolicyRow | null, string>(
      async (keys) => byKey(keys.map((k) => `${k.districtId}:${k.version}`), await organisationRepository.policiesByKeys(manager, keys), (r) => `${r.districtId}:${r.version}`),
      { cacheKeyFn: (k) => `${k.districtId}:${k.version}` },
    ),
    /** Scoped: ids outside the viewer's scope load as null. */
    child: new DataLoader<string, ChildRow | null>(async (ids) =>
      scope ? byKey(ids, await childRepository.findVisibleByIds(manager, scope, ids), (r) => r.lookupId) : ids.map(() => null)),
    /** Possible matches of each child record (scoped like `child`). */
    possibleChildMatches: new DataLoader<string, ChildMatchRow[]>(async (ids) =>
      scope ? groupBy(ids, await childRepository.possibleMatches(manager, scope, ids), (r) => r.forChildId) : ids.map(() => [])),
    /** Every report of each child the viewer may load, newest first. */
    reportsOfChild: new DataLoader<string, ReportRow[]>(async (ids) =>
      scope ? groupBy(ids, await reportRepository.findVisibleByChildIds(manager, scope, ids), (r) => r.childId) : ids.map(() => [])),
    /** Scoped like `child`. */
    report: new DataLoader<string, ReportRow | null>(async (ids) =>
      scope ? byKey(ids, await reportRepository.findVisibleByIds(manager, scope, ids), (r) => r.id) : ids.map(() => null)),
    extensionsOfReport: new DataLoader<string, InvestigationExtensionRow[]>(async (ids) =>
      groupBy(ids, await reportRepository.extensionsOf(manager, ids), (r) => r.reportId)),
    /** The clocks of any subject: one query per subject type in the batch. */
    deadlines: new DataLoader<SubjectRef, DeadlineRow[], string>(async (refs) => {
      const byType = new Map<DeadlineSubject, string[]>();
      for (const ref of refs) byType.set(ref.type, [...(byType.get(ref.type) ?? []), ref.id]);
      const rows = (await Promise.all([...byType].map(([type, ids]) => deadlineRepository.forSubjects(manager, type, ids)))).flat();
      return groupBy(refs.map(subjectKey), rows, (r) => subjectKey({ type: r.subjectType, id: r.subjectId }));
    }, { cacheKeyFn: subjectKey }),
    staffMember: new DataLoader<string, StaffRow | null>(async (ids) =>
      byKey(ids, await organisationRepository.staffByIds(manager, ids), (r) => r.id)),
    reporterContact: new DataLoader<string, ReporterContactRow | null>(async (ids) =>
      byKey(ids, await organisationRepository.reporterContactsByIds(manager, ids), (r) => r.id)),
    talks: createTalkLoaders(manager, scope),
    guardiansOfChild: new DataLoader<string, GuardianRow[]>(async (childIds) =>
      groupBy(childIds, await childRepository.guardiansOf(manager, childIds), (r) => r.childId)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
