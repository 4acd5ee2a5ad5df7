import { EntityManager } from 'typeorm';
import { EntityRow, selectList } from '../columns';
import { CHILD_READERS } from '../../domain/children/children.grants';
import { rowScopeSql } from '../../domain/access/policy';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { childNameKey } from '../../domain/children/child-identity.rules';
import { ChildEntity } from './child.entity';
import { GuardianEntity } from './guardian.entity';

/** A live child record; a merged record (tombstone) is read as the child it was merged into. */
export type ChildRow = Omit<EntityRow<ChildEntity>, 'createdAt' | 'updatedAt' | 'nameKey' | 'mergedIntoId' | 'mergedAt'>;

/** A possible match of a child record: another live record in the district with the same name and a compatible birth year. */
export type ChildMatchRow = ChildRow & { forChildId: string };

export interface GuardianRow {
  id: string;
  childId: string;
  districtId: string;
  name: string;
  contact: string | null;
  relation: string;
}

const CHILD_COLUMNS = selectList(ChildEntity, 'c', {
  omit: ['createdAt', 'updatedAt', 'nameKey', 'mergedIntoId', 'mergedAt'],
  as: { birthDate: "to_char(c.birth_date, 'YYYY-MM-DD')" },
});
const LIVE = 'c.merged_into_id IS NULL';

/**
 * `asked(lookup_id, child_id)`: each asked id with the record it resolves to (a merged record to the kept child).
 * Materialised, so the join to the kept child is a primary-key lookup per id: written as one join on
 * coalesce(…), the planner hashes the whole child table under row-level security (21 ms instead of 0.3 ms).
 */
export function keptChildrenOf(idsParam: string): string {
  return `WITH asked AS MATERIALIZED (SELECT id AS lookup_id, coalesce(merged_into_id, id) AS child_id FROM child WHERE id = ANY(${idsParam}::uuid[]))`;
}

const CHILD_FACT_COLUMNS = { districtId: 'c.district_id' } as const;

/** The tables that hold rows about a child: a merge moves them to the kept record (the audit trail stays as written). */
const CHILD_HOLDING_TABLES = ['report', 'talk', 'collaboration_case', 'guardian'] as const;

export interface ChildSearch {
  readonly search?: string | null;
  readonly first: number;
  readonly after?: { familyName: string; id: string } | null;
}

/** Every query takes the viewer's scope and puts it in the WHERE clause. */
export const childRepository = {
  /** `lookupId` is the id asked for: a merged record's id loads the child it was merged into. */
  async findVisibleByIds(manager: EntityManager, scope: ViewerScope, ids: readonly string[]): Promise<(ChildRow & { lookupId: string })[]> {
    const params: unknown[] = [ids];
    const visible = rowScopeSql(scope, CHILD_READERS, CHILD_FACT_COLUMNS, params);
    return manager.query(
      `${keptChildrenOf('$1')} SELECT ${CHILD_COLUMNS}, asked.lookup_id AS "lookupId" FROM asked JOIN child c ON c.id = asked.child_id
        WHERE ${visible.sql}`,
      visible.params,
    );
  },

  /** Possible matches of each child, batched: same district, same name key, birth years equal where both are known. */
  async possibleMatches(manager: EntityManager, scope: ViewerScope, childIds: readonly string[]): Promise<ChildMatchRow[]> {
    const params: unknown[] = [childIds];
    const visible = rowScopeSql(scope, CHILD_READERS, CHILD_FACT_COLUMNS, params);
    return manager.query(
      `SELECT ${CHILD_COLUMNS}, p.id AS "forChildId" FROM child p
         JOIN child c ON c.district_id = p.district_id AND c.name_key = p.name_key AND c.id <> p.id AND ${LIVE}
          AND (p.birth_date IS NULL OR c.birth_date IS NULL OR date_part('year', p.birth_date) = date_part('year', c.birth_date))
        WHERE p.id = ANY($1::uuid[]) AND p.name_key <> '' AND ${visible.sql}
        ORDER BY c.family_name, c.given_name, c.id`,
      visible.params,
    );
  },

  /** One page plus one row, ordered by family name and id. */
  async search(manager: EntityManager, scope: ViewerScope, query: ChildSearch): Promise<ChildRow[]> {
    const params: unknown[] = [];
    const where = [rowScopeSql(scope, CHILD_READERS, CHILD_FACT_COLUMNS, params).sql, LIVE];
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
    const result = await manager.insert(ChildEntity, { ...values, nameKey: childNameKey(values.givenName, values.familyName) });
    return result.identifiers[0].id as string;
  },

  async update(manager: EntityManager, id: string, changes: Partial<Omit<ChildRow, 'id'>>): Promise<void> {
    await manager.update(ChildEntity, { id }, changes);
    if (changes.givenName !== undefined || changes.familyName !== undefined) {
      const [{ givenName, familyName }] = await manager.query(
        `SELECT given_name AS "givenName", family_name AS "familyName" FROM child WHERE id = $1`,
        [id],
      );
      await manager.update(ChildEntity, { id }, { nameKey: childNameKey(givenName, familyName) });
    }
  },

  /** The child with this personal identity number (a merged record answers with the kept child), whoever may see it. */
  async findByIdentityNumber(
    manager: EntityManager,
    normalized: string,
  ): Promise<{ id: string; districtId: string; givenName: string; familyName: string } | null> {
    const [row] = await manager.query(
      `SELECT c.id, c.district_id AS "districtId", c.given_name AS "givenName", c.family_name AS "familyName"
         FROM child c WHERE c.id = (SELECT coalesce(asked.merged_into_id, asked.id) FROM child asked WHERE asked.personal_identity_number = $1)`,
      [normalized],
    );
    return row ?? null;
  },

  /** Locks both records of a merge, in id order so two merges of the same pair cannot deadlock. */
  async lock(manager: EntityManager, ids: readonly string[]): Promise<(ChildRow & { mergedIntoId: string | null })[]> {
    return manager.query(
      `SELECT ${CHILD_COLUMNS}, c.merged_into_id AS "mergedIntoId" FROM child c WHERE c.id = ANY($1::uuid[]) ORDER BY c.id FOR UPDATE OF c`,
      [ids],
    );
  },

  /**
   * Moves everything about the merged record to the kept one and leaves the merged record as a tombstone pointing to it
   * (earlier tombstones of the merged record are pointed on). A number only the merged record had moves to the kept one.
   * Returns how many rows moved per table.
   */
  async merge(manager: EntityManager, kept: ChildRow, merged: ChildRow, at: Date): Promise<Record<string, number>> {
    const moved: Record<string, number> = {};
    for (const table of CHILD_HOLDING_TABLES) {
      const [, count] = await manager.query(`UPDATE ${table} SET child_id = $1 WHERE child_id = $2`, [kept.id, merged.id]);
      moved[table] = count;
    }
    await manager.update(ChildEntity, { mergedIntoId: merged.id }, { mergedIntoId: kept.id });
    const takeNumber = !kept.personalIdentityNumber && !!merged.personalIdentityNumber;
    await manager.update(
      ChildEntity,
      { id: merged.id },
      {
        mergedIntoId: kept.id,
        mergedAt: at,
        ...(takeNumber ? { personalIdentityNumber: null } : {}),
      },
    );
    if (takeNumber) {
      await manager.update(
        ChildEntity,
        { id: kept.id },
        {
          personalIdentityNumber: merged.personalIdentityNumber,
          isCoordinationNumber: merged.isCoordinationNumber,
          birthDate: merged.birthDate,
        },
      );
    } else if (!kept.birthDate && merged.birthDate) {
      await manager.update(ChildEntity, { id: kept.id }, { birthDate: merged.birthDate });
    }
    return moved;
  },

  async insertGuardian(manager: EntityManager, values: Pick<GuardianEntity, 'childId' | 'name' | 'contact' | 'relation'>): Promise<string> {
    const result = await manager.insert(GuardianEntity, values);
    return result.identifiers[0].id as string;
  },
};
