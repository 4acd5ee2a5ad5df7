import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TalkDelayReason, TalkHolderKind, TalkKind, TalkOrigin, TalkOutcome, TalkState } from '../../domain/talks/talk-enums';
import { ChildEntity } from '../children';
import { AgencyEntity } from '../organisation';
import { DistrictEntity } from '../organisation';
import { ReportEntity } from '../reports';

/** A serious talk (allvarssamtal) or one of its variants, with a child and usually the guardians. */
@Entity('talk')
@Index('talk_district_state_idx', ['districtId', 'state'])
@Index('talk_child_idx', ['childId'])
@Index('talk_report_idx', ['reportId'])
@Index('talk_open_district_idx', ['districtId'], { where: "state NOT IN ('HELD', 'DECLINED', 'CANCELLED')" })
@Index('talk_district_held_idx', ['districtId', 'heldAt'], { where: 'held_at IS NOT NULL' })
export class TalkEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Shown in reminders and to invited officers instead of the child: SA-2026-000042. */
  @Index('talk_reference_key', { unique: true })
  @Column({ type: 'text' })
  reference!: string;

  @Column({ type: 'text' })
  kind!: TalkKind;

  @Column({ type: 'text' })
  state!: TalkState;

  @Column({ type: 'text' })
  origin!: TalkOrigin;

  @Column({ name: 'child_id', type: 'uuid' })
  childId!: string;

  @ManyToOne(() => ChildEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'child_id', foreignKeyConstraintName: 'talk_child_fk' })
  private readonly childRef?: ChildEntity;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'talk_district_fk' })
  private readonly districtRef?: DistrictEntity;

  /** The report that led to it; null when opened by hand for a child. */
  @Column({ name: 'report_id', type: 'uuid', nullable: true })
  reportId!: string | null;

  @ManyToOne(() => ReportEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'talk_report_fk' })
  private readonly reportRef?: ReportEntity;

  @Column({ name: 'policy_version', type: 'integer' })
  policyVersion!: number;

  @Column({ name: 'holder_kind', type: 'text' })
  holderKind!: TalkHolderKind;

  /** The social services office answering for the talk (and its disclosure). */
  @Column({ name: 'holder_agency_id', type: 'uuid' })
  holderAgencyId!: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'holder_agency_id', foreignKeyConstraintName: 'talk_holder_agency_fk' })
  private readonly holderAgencyRef?: AgencyEntity;

  @Column({ name: 'responsible_user_id', type: 'uuid', nullable: true })
  responsibleUserId!: string | null;

  /** When social services learned of the trigger: the clocks start here. */
  @Column({ name: 'learned_at', type: 'timestamptz' })
  learnedAt!: Date;

  /** DS 2024:30 "unga" (18–20): summoned without guardians. */
  @Column({ name: 'young_adult', type: 'boolean', default: false })
  youngAdult!: boolean;

  /** LUL 31 §: copied from the report or set by hand; scheduling then needs a police clearance. */
  @Column({ name: 'pre_investigation_running', type: 'boolean', default: false })
  preInvestigationRunning!: boolean;

  /** LUL 5 §: while true, no summons to guardians. */
  @Column({ name: 'guardian_contact_on_hold', type: 'boolean', default: false })
  guardianContactOnHold!: boolean;

  /** The forum's decision: with or without uniformed police. */
  @Column({ name: 'with_uniformed_police', type: 'boolean', nullable: true })
  withUniformedPolice!: boolean | null;

  @Column({ name: 'summoned_at', type: 'timestamptz', nullable: true })
  summonedAt!: Date | null;

  @Column({ name: 'summons_includes_guardians', type: 'boolean', nullable: true })
  summonsIncludesGuardians!: boolean | null;

  @Column({ name: 'scheduled_at', type: 'timestamptz', nullable: true })
  scheduledAt!: Date | null;

  /** The calendar entry's SEQUENCE: raised when the booked talk moves or is cancelled. */
  @Column({ name: 'calendar_sequence', type: 'integer', default: 0 })
  calendarSequence!: number;

  @Column({ type: 'text', nullable: true })
  location!: string | null;

  @Column({ name: 'held_at', type: 'timestamptz', nullable: true })
  heldAt!: Date | null;

  @Column({ name: 'held_late', type: 'boolean', nullable: true })
  heldLate!: boolean | null;

  @Column({ name: 'delay_reason', type: 'text', nullable: true })
  delayReason!: TalkDelayReason | null;

  @Column({ name: 'delay_reason_text', type: 'text', nullable: true })
  delayReasonText!: string | null;

  /** DECLINED or CANCELLED: why. */
  @Column({ name: 'closed_reason', type: 'text', nullable: true })
  closedReason!: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** The child's own view, in their words. */
  @Column({ name: 'child_voice', type: 'text', nullable: true })
  childVoice!: string | null;

  @Column({ type: 'text', array: true, nullable: true })
  outcomes!: TalkOutcome[] | null;

  /** For social services only. */
  @Column({ name: 'outcome_note', type: 'text', nullable: true })
  outcomeNote!: string | null;

  @Column({ name: 'outcome_recorded_at', type: 'timestamptz', nullable: true })
  outcomeRecordedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
