import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ConsentForm, InformationCategory } from '../../domain/consent/consent-rules';
import { CollaborationCaseEntity } from '../collaboration';

/** A consent (samtycke) for a case: who gave it, its form, scope and time. Withdrawal is a timestamp, never a delete. */
@Entity('consent')
@Index('consent_case_idx', ['caseId'])
export class ConsentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CollaborationCaseEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'consent_case_fk' })
  private readonly caseRef?: CollaborationCaseEntity;

  @Column({ name: 'given_by_youth', type: 'boolean' })
  givenByYouth!: boolean;

  @Column({ name: 'guardian_ids', type: 'uuid', array: true })
  guardianIds!: string[];

  /** Every person the model and age require has consented. */
  @Column({ type: 'boolean' })
  complete!: boolean;

  @Column({ type: 'text' })
  form!: ConsentForm;

  @Column({ name: 'oral_note', type: 'text', nullable: true })
  oralNote!: string | null;

  @Column({ name: 'document_reference', type: 'text', nullable: true })
  documentReference!: string | null;

  @Column({ name: 'given_at', type: 'timestamptz' })
  givenAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true })
  endsAt!: Date | null;

  @Column({ name: 'agency_ids', type: 'uuid', array: true })
  agencyIds!: string[];

  @Column({ type: 'text', array: true })
  categories!: InformationCategory[];

  @Column({ name: 'recorded_by_user_id', type: 'uuid' })
  recordedByUserId!: string;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ name: 'withdrawn_by_user_id', type: 'uuid', nullable: true })
  withdrawnByUserId!: string | null;

  @Column({ name: 'withdrawal_note', type: 'text', nullable: true })
  withdrawalNote!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
