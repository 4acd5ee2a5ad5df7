import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ExceptionalReason } from '../../domain/reports/report-rules';
import { UserEntity } from '../organisation';
import { ReportEntity } from './report.entity';

/** One supervisor's decision to extend an investigation (SoL 11:2): every extension is kept. */
@Entity('investigation_extension')
@Index('investigation_extension_report_idx', ['reportId', 'decidedAt'])
export class InvestigationExtensionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => ReportEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'investigation_extension_report_fk' })
  private readonly reportRef?: ReportEntity;

  @Column({ type: 'text' })
  reason!: ExceptionalReason;

  @Column({ name: 'reason_text', type: 'text', nullable: true })
  reasonText!: string | null;

  @Column({ name: 'previous_due_at', type: 'timestamptz' })
  previousDueAt!: Date;

  @Column({ name: 'new_due_at', type: 'timestamptz' })
  newDueAt!: Date;

  @Column({ name: 'decided_by_user_id', type: 'uuid' })
  decidedByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'decided_by_user_id', foreignKeyConstraintName: 'investigation_extension_decided_by_fk' })
  private readonly decidedByRef?: UserEntity;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;
}
