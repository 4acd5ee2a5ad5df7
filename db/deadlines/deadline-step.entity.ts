import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DeadlineEntity } from './deadline.entity';

/** One reminder, breach or escalation of a deadline; fires at most once (fired_at). */
@Entity('deadline_step')
@Index('deadline_step_key', ['deadlineId', 'step'], { unique: true })
@Index('deadline_step_pending_idx', ['fireAt'], { where: 'fired_at IS NULL AND closed_at IS NULL' })
export class DeadlineStepEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'deadline_id', type: 'uuid' })
  deadlineId!: string;

  @ManyToOne(() => DeadlineEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'deadline_id', foreignKeyConstraintName: 'deadline_step_deadline_fk' })
  private readonly deadlineRef?: DeadlineEntity;

  @Column({ type: 'text' })
  step!: string;

  @Column({ name: 'fire_at', type: 'timestamptz' })
  fireAt!: Date;

  @Column({ name: 'fired_at', type: 'timestamptz', nullable: true })
  firedAt!: Date | null;

  /** Set when the deadline is met or cancelled before this step fired: it never will. */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}
