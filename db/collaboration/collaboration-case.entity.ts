import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseSource, CaseState, ClosingReason } from '../../domain/collaboration/collaboration-rules';
import { CollaborationModel } from '../../domain/consent/consent-rules';
import { ChildEntity } from '../children';
import { DistrictEntity } from '../organisation';
import { UserEntity } from '../organisation';

/** An SSPF or SSFF collaboration case around one child, run by a coordinator. */
@Entity('collaboration_case')
@Index('collaboration_case_district_state_idx', ['districtId', 'state'])
@Index('collaboration_case_child_idx', ['childId'])
@Index('collaboration_case_coordinator_idx', ['coordinatorUserId', 'state'])
@Index('collaboration_case_one_open_idx', ['childId', 'model'], { unique: true, where: "state <> 'CLOSED'" })
export class CollaborationCaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Shown to everyone on the case and in notifications: SSPF-2026-000042. */
  @Index('collaboration_case_reference_key', { unique: true })
  @Column({ type: 'text' })
  reference!: string;

  @Column({ name: 'child_id', type: 'uuid' })
  childId!: string;

  @ManyToOne(() => ChildEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'child_id', foreignKeyConstraintName: 'collaboration_case_child_fk' })
  private readonly childRef?: ChildEntity;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'collaboration_case_district_fk' })
  private readonly districtRef?: DistrictEntity;

  @Column({ name: 'policy_version', type: 'integer' })
  policyVersion!: number;

  @Column({ type: 'text' })
  model!: CollaborationModel;

  /** Set when the coordinator opened a case for a child outside both age bands. */
  @Column({ name: 'model_override_reason', type: 'text', nullable: true })
  modelOverrideReason!: string | null;

  @Column({ type: 'text' })
  source!: CaseSource;

  /** The talk a referral came from. */
  @Column({ name: 'source_subject_id', type: 'uuid', nullable: true })
  sourceSubjectId!: string | null;

  /** The concern as raised with the coordinator. */
  @Column({ type: 'text' })
  concern!: string;

  @Column({ type: 'text' })
  state!: CaseState;

  @Column({ name: 'coordinator_user_id', type: 'uuid' })
  coordinatorUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'coordinator_user_id', foreignKeyConstraintName: 'collaboration_case_coordinator_fk' })
  private readonly coordinatorRef?: UserEntity;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  /** Any write to the case moves it; the stale-case clock runs from here. */
  @Column({ name: 'last_activity_at', type: 'timestamptz' })
  lastActivityAt!: Date;

  @Column({ name: 'youth_goals', type: 'text', array: true, default: () => `'{}'` })
  youthGoals!: string[];

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'closing_reason', type: 'text', nullable: true })
  closingReason!: ClosingReason | null;

  @Column({ name: 'closing_note', type: 'text', nullable: true })
  closingNote!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
