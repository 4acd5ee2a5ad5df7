import type { EntityManager } from 'typeorm';
import { ExtractPartDecision, initialDecision, UNMARKED_RELEASE_REASON } from '../../domain/retention/extract-rules';
import { EntityRow, selectList } from '../columns';
import type { ExtractPart } from '../personal-data/personal-data';
import { RegisterExtractPartEntity } from './register-extract-part.entity';
import { RegisterExtractEntity } from './register-extract.entity';

export type RegisterExtractRow = EntityRow<RegisterExtractEntity>;
export type ExtractPartRow = EntityRow<RegisterExtractPartEntity>;

const EXTRACT_COLUMNS = selectList(RegisterExtractEntity, 'x');
const PART_COLUMNS = selectList(RegisterExtractPartEntity, 'p');

export const registerExtractRepository = {
  async create(
    manager: EntityManager,
    extract: Pick<RegisterExtractRow, 'childId' | 'districtId' | 'requestedByUserId' | 'requestedAt'>,
    parts: readonly ExtractPart[],
  ): Promise<string> {
    const id = (await manager.insert(RegisterExtractEntity, extract)).identifiers[0].id as string;
    if (parts.length) {
      await manager.insert(
        RegisterExtractPartEntity,
        parts.map((part, position) => {
          const decision = initialDecision(part.marks);
          return {
            extractId: id,
            key: part.key,
            position,
            title: part.title,
            marks: [...part.marks],
            rows: [...part.rows],
            decision,
            reason: decision === ExtractPartDecision.RELEASED ? UNMARKED_RELEASE_REASON : null,
          };
        }),
      );
    }
    return id;
  },

  async extract(manager: EntityManager, id: string): Promise<RegisterExtractRow | null> {
    const [row] = await manager.query(`SELECT ${EXTRACT_COLUMNS} FROM register_extract x WHERE x.id = $1`, [id]);
    return row ?? null;
  },

  async extractsOfChild(manager: EntityManager, childId: string): Promise<RegisterExtractRow[]> {
    return manager.query(`SELECT ${EXTRACT_COLUMNS} FROM register_extract x WHERE x.child_id = $1 ORDER BY x.requested_at DESC, x.id`, [
      childId,
    ]);
  },

  async parts(manager: EntityManager, extractId: string, lock = false): Promise<ExtractPartRow[]> {
    return manager.query(
      `SELECT ${PART_COLUMNS} FROM register_extract_part p WHERE p.extract_id = $1 ORDER BY p.position${lock ? ' FOR UPDATE' : ''}`,
      [extractId],
    );
  },

  async decide(
    manager: EntityManager,
    extractId: string,
    key: string,
    decision: ExtractPartDecision,
    reason: string,
    userId: string,
    now: Date,
  ): Promise<void> {
    await manager.update(RegisterExtractPartEntity, { extractId, key }, { decision, reason, decidedByUserId: userId, decidedAt: now });
  },
};
