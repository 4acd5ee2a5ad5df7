import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PlanActionEntity } from './plan-action.entity';

/** A progress note on a plan action. */
@Entity('plan_action_note')
@Index('plan_action_note_action_idx', ['actionId', 'writtenAt'])
export class ActionNoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId!: string;

  @ManyToOne(() => PlanActionEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'action_id', foreignKeyConstraintName: 'plan_action_note_action_fk' })
  private readonly actionRef?: PlanActionEntity;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'written_at', type: 'timestamptz' })
  writtenAt!: Date;

  /** GDPR art. 10: criminal-offence data, hidden from agencies that are not public authorities. */
  @Column({ name: 'crime_information', type: 'boolean' })
  crimeInformation!: boolean;
}
