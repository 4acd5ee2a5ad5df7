import type { EntityManager } from 'typeorm';
import { EntityRow, selectList } from '../columns';
import { ChildCorrectionEntity } from './child-correction.entity';
import type { ChildRow } from './child.repository';

export type ChildCorrectionRow = EntityRow<ChildCorrectionEntity>;

const COLUMNS = selectList(ChildCorrectionEntity, 'k');

/** The identity fields whose old values are kept; a corrected number brings its birth date with it. */
const CORRECTED = ['givenName', 'familyName', 'personalIdentityNumber', 'birthDate'] as const;
type Corrected = (typeof CORRECTED)[number];

/** The history rows of a change to the child's identity: one per field whose value changes. */
export function correctionsOf(
  child: ChildRow,
  changes: Partial<Pick<ChildRow, Corrected>>,
  reason: string | null,
  now: Date,
  userId: string,
): Omit<ChildCorrectionRow, 'id'>[] {
  return CORRECTED.filter((field) => changes[field] !== undefined && changes[field] !== child[field]).map((field) => ({
    childId: child.id,
    districtId: child.districtId,
    field,
    oldValue: child[field],
    newValue: changes[field] ?? null,
    reason,
    correctedByUserId: userId,
    correctedAt: now,
  }));
}

export const childCorrectionRepository = {
  async record(manager: EntityManager, rows: readonly Omit<ChildCorrectionRow, 'id'>[]): Promise<void> {
    if (rows.length) await manager.insert(ChildCorrectionEntity, [...rows]);
  },

  async ofChild(manager: EntityManager, childId: string): Promise<ChildCorrectionRow[]> {
    return manager.query(`SELECT ${COLUMNS} FROM child_correction k WHERE k.child_id = $1 ORDER BY k.corrected_at DESC, k.id`, [childId]);
  },
};
