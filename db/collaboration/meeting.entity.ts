import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MeetingKind } from '../../domain/collaboration/plan-rules';
import { CollaborationCaseEntity } from './collaboration-case.entity';

/** A mapping talk, network meeting or follow-up of the case. */
@Entity('collaboration_meeting')
@Index('collaboration_meeting_case_idx', ['caseId', 'scheduledAt'])
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CollaborationCaseEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'collaboration_meeting_case_fk' })
  private readonly caseRef?: CollaborationCaseEntity;

  @Column({ type: 'text' })
  kind!: MeetingKind;

  @Column({ name: 'scheduled_at', type: 'timestamptz' })
  scheduledAt!: Date;

  @Column({ name: 'held_at', type: 'timestamptz', nullable: true })
  heldAt!: Date | null;

  /** Only people the consent names: the coordinator and team members. */
  @Column({ name: 'attendee_user_ids', type: 'uuid', array: true })
  attendeeUserIds!: string[];

  @Column({ type: 'text', nullable: true })
  decisions!: string | null;

  @Column({ name: 'plan_changes', type: 'text', nullable: true })
  planChanges!: string | null;

  @Column({ name: 'created_by_user_id', type: 'uuid' })
  createdByUserId!: string;

  /** Raised each time the meeting moves or is cancelled, so calendars replace their entry. */
  @Column({ name: 'calendar_sequence', type: 'integer', default: 0 })
  calendarSequence!: number;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason!: string | null;

  @Column({ name: 'cancelled_by_user_id', type: 'uuid', nullable: true })
  cancelledByUserId!: string | null;
}
