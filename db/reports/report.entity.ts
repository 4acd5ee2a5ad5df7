import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FeedbackValue } from '../../domain/feedback/feedback-rules';
import {
  ExceptionalReason,
  InvestigationOutcome,
  PreliminaryDecision,
  ReportCategory,
  ReportChannel,
  ReporterKind,
} from '../../domain/reports/report-rules';
import { ChildEntity } from '../children';
import { AgencyEntity } from '../organisation';
import { DistrictEntity } from '../organisation';

/** A concern report (orosanmälan) and social services' handling of it. */
@Entity('report')
@Index('report_district_received_idx', ['districtId', 'receivedAt'])
@Index('report_reporter_agency_idx', ['reporterAgencyId', 'receivedAt'])
@Index('report_child_idx', ['childId'])
@Index('report_police_reference_idx', ['reporterAgencyId', 'policeReference'])
@Index('report_sender_reference_key', ['registeredByUserId', 'senderReference'], { unique: true, where: '"sender_reference" IS NOT NULL' })
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Our reference, shown to everyone involved: OA-2026-000042. */
  @Index('report_reference_key', { unique: true })
  @Column({ type: 'text' })
  reference!: string;

  @Column({ name: 'reporter_kind', type: 'text' })
  reporterKind!: ReporterKind;

  @Column({ type: 'text' })
  channel!: ReportChannel;

  @Column({ name: 'reporter_agency_id', type: 'uuid', nullable: true })
  reporterAgencyId!: string | null;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'reporter_agency_id', foreignKeyConstraintName: 'report_reporter_agency_fk' })
  private readonly reporterAgencyRef?: AgencyEntity;

  /** Who filed or registered it. */
  @Column({ name: 'registered_by_user_id', type: 'uuid' })
  registeredByUserId!: string;

  /** How to reach a reporter social services registered a report for (phone, letter, e-mail, in person). */
  @Column({ name: 'reporter_contact', type: 'text', nullable: true })
  reporterContact!: string | null;

  /** That reporter's name; null when they would not give it. */
  @Column({ name: 'reporter_name', type: 'text', nullable: true })
  reporterName!: string | null;

  /** The sending case system's own reference (channel SYSTEM): unique per client. */
  @Column({ name: 'sender_reference', type: 'text', nullable: true })
  senderReference!: string | null;

  /** A hash per submitted field, to name the field a retry under the same reference changed. */
  @Column({ name: 'sender_fields', type: 'jsonb', nullable: true })
  senderFields!: Record<string, string> | null;

  @Column({ name: 'police_reference', type: 'text', nullable: true })
  policeReference!: string | null;

  @Column({ name: 'child_id', type: 'uuid' })
  childId!: string;

  @ManyToOne(() => ChildEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'child_id', foreignKeyConstraintName: 'report_child_fk' })
  private readonly childRef?: ChildEntity;

  /** The child as the reporter knew them: name and number as written in the report. */
  @Column({ name: 'child_as_reported', type: 'text' })
  childAsReported!: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'report_district_fk' })
  private readonly districtRef?: DistrictEntity;

  @Column({ name: 'policy_version', type: 'integer' })
  policyVersion!: number;

  @Column({ type: 'text' })
  category!: ReportCategory;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'suspected_offence', type: 'text', nullable: true })
  suspectedOffence!: string | null;

  @Column({ name: 'offence_can_lead_to_prison', type: 'boolean', nullable: true })
  offenceCanLeadToPrison!: boolean | null;

  @Column({ name: 'first_known_suspicion', type: 'boolean', nullable: true })
  firstKnownSuspicion!: boolean | null;

  @Column({ name: 'pre_investigation_running', type: 'boolean', nullable: true })
  preInvestigationRunning!: boolean | null;

  /** LUL 5 §: the investigation leader may delay telling the guardians. */
  @Column({ name: 'guardian_contact_on_hold', type: 'boolean', default: false })
  guardianContactOnHold!: boolean;

  @Column({ name: 'feedback_requested', type: 'boolean' })
  feedbackRequested!: boolean;

  /** When the report reached social services: the clocks run from here. */
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  /** When the reporter says they observed the concern; information only. */
  @Column({ name: 'observed_at', type: 'timestamptz', nullable: true })
  observedAt!: Date | null;

  @Column({ name: 'responsible_user_id', type: 'uuid', nullable: true })
  responsibleUserId!: string | null;

  @Column({ name: 'protection_assessed_at', type: 'timestamptz', nullable: true })
  protectionAssessedAt!: Date | null;

  @Column({ name: 'acute_danger', type: 'boolean', nullable: true })
  acuteDanger!: boolean | null;

  @Column({ name: 'protection_note', type: 'text', nullable: true })
  protectionNote!: string | null;

  @Column({ name: 'preliminary_decision', type: 'text', nullable: true })
  preliminaryDecision!: PreliminaryDecision | null;

  @Column({ name: 'preliminary_decided_at', type: 'timestamptz', nullable: true })
  preliminaryDecidedAt!: Date | null;

  /** Required when the decision comes after the deadline: one of the exceptional reasons. */
  @Column({ name: 'late_reason', type: 'text', nullable: true })
  lateReason!: ExceptionalReason | null;

  @Column({ name: 'late_reason_text', type: 'text', nullable: true })
  lateReasonText!: string | null;

  /** ALREADY_ONGOING: the case number in social services' own record system, when the investigation is not in Samverka. */
  @Column({ name: 'ongoing_investigation_reference', type: 'text', nullable: true })
  ongoingInvestigationReference!: string | null;

  @Column({ name: 'investigation_closed_at', type: 'timestamptz', nullable: true })
  investigationClosedAt!: Date | null;

  @Column({ name: 'investigation_outcome', type: 'text', nullable: true })
  investigationOutcome!: InvestigationOutcome | null;

  @Column({ name: 'investigation_extension_reason', type: 'text', nullable: true })
  investigationExtensionReason!: string | null;

  @Column({ name: 'feedback_value', type: 'text', nullable: true })
  feedbackValue!: FeedbackValue | null;

  @Column({ name: 'feedback_given_at', type: 'timestamptz', nullable: true })
  feedbackGivenAt!: Date | null;

  @Column({ name: 'feedback_unasked', type: 'boolean', nullable: true })
  feedbackUnasked!: boolean | null;

  /** False for a report by name only until social services link it to a child or confirm a new one. */
  @Column({ name: 'identity_confirmed', type: 'boolean', default: true })
  identityConfirmed!: boolean;

  /** The registered child's name when the reporter sent the child's number with another name. */
  @Column({ name: 'identity_mismatch_record_name', type: 'text', nullable: true })
  identityMismatchRecordName!: string | null;

  /** The child had an open investigation or collaboration case when the report came in. */
  @Column({ name: 'arrived_into_open_case', type: 'boolean', default: false })
  arrivedIntoOpenCase!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
