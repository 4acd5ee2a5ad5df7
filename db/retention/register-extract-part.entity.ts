import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ExtractPartDecision, SecrecyMark } from '../../domain/retention/extract-rules';
import { UserEntity } from '../organisation';
import { RegisterExtractEntity } from './register-extract.entity';

/** One part of an extract, its secrecy marks and the reviewer's decision with its reason. */
@Entity('register_extract_part')
export class RegisterExtractPartEntity {
  @PrimaryColumn({ name: 'extract_id', type: 'uuid', primaryKeyConstraintName: 'register_extract_part_pkey' })
  extractId!: string;

  @ManyToOne(() => RegisterExtractEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'extract_id', foreignKeyConstraintName: 'register_extract_part_extract_fk' })
  private readonly extractRef?: RegisterExtractEntity;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'register_extract_part_pkey' })
  key!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', array: true })
  marks!: SecrecyMark[];

  @Column({ type: 'jsonb' })
  rows!: object[];

  @Column({ type: 'text' })
  decision!: ExtractPartDecision;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'decided_by_user_id', type: 'uuid', nullable: true })
  decidedByUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'decided_by_user_id', foreignKeyConstraintName: 'register_extract_part_decided_by_fk' })
  private readonly decidedByRef?: UserEntity;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
