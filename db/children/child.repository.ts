import { EntityManager } from 'typeorm';
import { EntityRow, selectList } from '../columns';
import { CHILD_READERS } from '../../domain/access/grants/children.grants';
import { rowScopeSql } from '../../domain/access/policy';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { ChildEntity } from './child.entity';
import { GuardianEntity } from './guardian.entity';

export type ChildRow = Omit<EntityRow<ChildEntity>, 'createdAt' | 'updatedAt'>;

export interface GuardianRow {
  id: string;
  childId: string;
  districtId: string;
  name: string;
  contact: string | null;
  relation: string;
}

const CHILD_COLUMNS = selectList(ChildEntity, 'c', { omit: ['createdAt', 'updatedAt'], as: { birthDate: "to_char(c.birth_date, 'YYYY-MM-DD')" } });

const CHILD_FACT_COLUMNS = { districtId: 'c.district_id' } as const;

export interface ChildSearch {
  readonly search?: string | null;
  readonly first: number;
  readonly after?: { familyName: string; id: string } | null;
}

/** Every query takes the viewer's scope and puts it in the WHERE clause. */
export const childRepository = {
  async findVisibleByIds(manager: EntityManager, scope: ViewerScope, ids: readonly string[]): Promise<ChildRow[]> {
    const params: unknown[] = [ids];
    const visible = rowScopeSql(scope, CHILD_READERS, CHILD_FACT_COLUMNS, params);
    return manager.query(`SELECT ${CHILD_COLUMNS} FROM child c WHERE c.id = ANY($1::uuid[]) AND ${visible.sql}`, visible.params);
  },

  /** One page plus one row, ordered by family name and id. */
  async search(manager: EntityManager, scope: ViewerScope, query: ChildSearch): Promise<ChildRow[]> {
    const params: unknown[] = [];
    const where = [rowScopeSql(scope, CHILD_READERS, CHILD_FACT_COLUMNS, params).sql];
    const term = query.search?.trim();
    if (term) {
      const digits = term.replace(/[^0-9]/g, '');
      if (digits.length >= 6 && digits.length === term.replace(/[-+\s]/g, '').length) {
        params.push(`%${digits}%`);
        where.push(`c.personal_identity_number LIKE $${params.length}`);
      } else {
        params.push(`%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
        where.push(`(c.given_name || ' ' || c.family_name) ILIKE $${params.length}`);
      }
    }
    if (query.after) {
      params.push(query.after.familyName, query.after.id);
      where.push(`(c.family_name, c.id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(query.first + 1);
    return manager.query(
      `SELECT ${CHILD_COLUMNS} FROM child c WHERE ${where.join(' AND ')} ORDER BY c.family_name, c.id LIMIT $${params.length}`,
      params,
    );
  },

  async guardiansOf(manager: EntityManager, childIds: readonly string[]): Promise<GuardianRow[]> {
    return manager.query(
      `SELECT g.id, g.child_id AS "childId", c.district_id AS "districtId", g.name, g.contact, g.relation
         FROM guardian g JOIN child c ON c.id = g.child_id
        WHERE g.child_id = ANY($1::uuid[]) ORDER BY g.created_at, g.id`,
      [childIds],
    );
  },

  async insert(manager: EntityManager, values: Omit<ChildRow, 'id'>): Promise<string> {
    const result = await manager.insert(ChildEntity, values);
    return result.identifiers[0].id as string;
  },

  async update(manager: EntityManager, id: string, changes: Partial<Omit<ChildRow, 'id'>>): Promise<void> {
    await manager.update(ChildEntity, { id }, changes);
  },

  /** The child with this personal identity number, whoever may see it (a reporter learns nothing of it). */
  async findByIdentityNumber(manager: EntityManager, normalized: string): Promise<{ id: string; districtId: string } | null> {
    const [row] = await manager.query(`SELECT id, district_id AS "districtId" FROM child WHERE personal_identity_number = $1`, [normalized]);
    return row ?? null;
  },

  async insertGuardian(manager: EntityManager, values: Pick<GuardianEntity, 'childId' | 'name' | 'contact' | 'relation'>): Promise<string> {
    const result = await manager.insert(GuardianEntity, values);
    return result.identifiers[0].id as string;
  },
};
