import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyEntity } from '../organisation';
import { CollaborationCaseEntity } from './collaboration-case.entity';

/** An agency's goal in the commitment plan; the youth's own goals live on the case, in their words. */
@Entity('plan_goal')
@Index('plan_goal_case_idx', ['caseId', 'position'])
export class PlanGoalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CollaborationCaseEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'plan_goal_case_fk' })
  private readonly caseRef?: CollaborationCaseEntity;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'plan_goal_agency_fk' })
  private readonly agencyRef?: AgencyEntity;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'integer' })
  position!: number;

  /** GDPR art. 10: criminal-offence data, hidden from agencies that are not public authorities. */
  @Column({ name: 'crime_information', type: 'boolean' })
  crimeInformation!: boolean;
}
