import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DeadlineKind, DeadlineSubject } from '../../domain/deadlines/deadline-kinds';

/** A legal clock. This row, not the queue, is the truth. */
@Entity('deadline')
@Index('deadline_subject_idx', ['subjectType', 'subjectId'])
@Index('deadline_district_due_idx', ['districtId', 'dueAt'])
@Index('deadline_talk_due_idx', ['dueAt', 'subjectId'], { where: "subject_type IN ('TALK', 'SUMMONS') AND cancelled_at IS NULL" })
@Index('deadline_report_feedback_idx', ['subjectId'], { where: "subject_type = 'REPORT' AND kind = 'FEEDBACK'" })
export class DeadlineEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: DeadlineKind;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType!: DeadlineSubject;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  /** The subject's display reference (OA-2026-000042), never a name: reminders show it. */
  @Column({ name: 'subject_reference', type: 'text' })
  subjectReference!: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @Column({ name: 'responsible_user_id', type: 'uuid', nullable: true })
  responsibleUserId!: string | null;

  @Column({ name: 'policy_version', type: 'integer' })
  policyVersion!: number;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'met_at', type: 'timestamptz', nullable: true })
  metAt!: Date | null;

  @Column({ name: 'breached_at', type: 'timestamptz', nullable: true })
  breachedAt!: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'escalation_level', type: 'integer', default: 0 })
  escalationLevel!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
