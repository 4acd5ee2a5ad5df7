import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TalkIneligibility } from '../../domain/talks/talk-enums';
import { ReportEntity } from '../reports';

/** Whether a report qualified for a talk by itself when it arrived, and why not. */
@Entity('talk_assessment')
@Index('talk_assessment_awaiting_idx', ['districtId', 'assessedAt'], { where: 'eligible AND talk_id IS NULL AND decided_at IS NULL' })
@Index('talk_assessment_talk_idx', ['talkId'], { where: 'talk_id IS NOT NULL' })
export class TalkAssessmentEntity {
  @PrimaryColumn({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => ReportEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'talk_assessment_report_fk' })
  private readonly reportRef?: ReportEntity;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @Column({ name: 'policy_version', type: 'integer' })
  policyVersion!: number;

  @Column({ type: 'boolean' })
  eligible!: boolean;

  @Column({ type: 'text', array: true })
  reasons!: TalkIneligibility[];

  /** The earlier suspicion reports and talks of the child (references) that "first time" was judged on. */
  @Column({ name: 'known_before', type: 'text', array: true, default: () => "'{}'" })
  knownBefore!: string[];

  @Column({ name: 'young_adult', type: 'boolean', default: false })
  youngAdult!: boolean;

  @Column({ name: 'assessed_at', type: 'timestamptz' })
  assessedAt!: Date;

  /** The talk it opened, by itself or by a forum decision. */
  @Column({ name: 'talk_id', type: 'uuid', nullable: true })
  talkId!: string | null;

  /** Set when a forum decided (yes or no): no longer awaiting. */
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
