import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ActionKind, ActionStatus } from '../../domain/collaboration/plan-rules';
import { AgencyEntity } from '../organisation';
import { UserEntity } from '../organisation';
import { CollaborationCaseEntity } from './collaboration-case.entity';

/** One action of the commitment plan: who does what, by when. */
@Entity('plan_action')
@Index('plan_action_case_idx', ['caseId', 'dueAt'])
@Index('plan_action_responsible_idx', ['responsibleUserId', 'status'])
export class PlanActionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CollaborationCaseEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'plan_action_case_fk' })
  private readonly caseRef?: CollaborationCaseEntity;

  @Column({ type: 'text' })
  kind!: ActionKind;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'responsible_agency_id', type: 'uuid' })
  responsibleAgencyId!: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'responsible_agency_id', foreignKeyConstraintName: 'plan_action_agency_fk' })
  private readonly agencyRef?: AgencyEntity;

  @Column({ name: 'responsible_user_id', type: 'uuid' })
  responsibleUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'responsible_user_id', foreignKeyConstraintName: 'plan_action_responsible_fk' })
  private readonly responsibleRef?: UserEntity;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'text' })
  status!: ActionStatus;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason!: string | null;

  @Column({ name: 'created_by_user_id', type: 'uuid' })
  createdByUserId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** GDPR art. 10: criminal-offence data, hidden from agencies that are not public authorities. */
  @Column({ name: 'crime_information', type: 'boolean' })
  crimeInformation!: boolean;
}
