import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseState } from '../../domain/collaboration/collaboration-rules';
import { CollaborationCaseEntity } from './collaboration-case.entity';

/** Every state a case entered, when and by whom. */
@Entity('collaboration_case_state')
@Index('collaboration_case_state_case_idx', ['caseId', 'at'])
export class CaseStateChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CollaborationCaseEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'collaboration_case_state_case_fk' })
  private readonly caseRef?: CollaborationCaseEntity;

  @Column({ type: 'text' })
  state!: CaseState;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_user_id', type: 'uuid' })
  actorUserId!: string;

  /** Orders changes made within one transaction, which share `at`. */
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  recordedAt!: Date;
}
