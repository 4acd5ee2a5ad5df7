import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ChildEntity } from '../children';
import { CollaborationCaseEntity } from '../collaboration';
import { DistrictEntity } from '../organisation';
import { UserEntity } from '../organisation';

/** A legal hold (e.g. an appeal, a request from a court, an archive decision): the child's or case's records stay until lifted. */
@Entity('legal_hold')
@Index('legal_hold_child_idx', ['childId'], { where: 'lifted_at IS NULL' })
@Index('legal_hold_case_idx', ['caseId'], { where: 'lifted_at IS NULL' })
export class LegalHoldEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'legal_hold_pkey' })
  id!: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'legal_hold_district_fk' })
  private readonly districtRef?: DistrictEntity;

  /** The child whose records are held; for a hold on a case, the case's child. */
  @Column({ name: 'child_id', type: 'uuid' })
  childId!: string;

  @ManyToOne(() => ChildEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'child_id', foreignKeyConstraintName: 'legal_hold_child_fk' })
  private readonly childRef?: ChildEntity;

  /** Set when the hold is on one collaboration case only. */
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @ManyToOne(() => CollaborationCaseEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'legal_hold_case_fk' })
  private readonly caseRef?: CollaborationCaseEntity;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'placed_by_user_id', type: 'uuid' })
  placedByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'placed_by_user_id', foreignKeyConstraintName: 'legal_hold_placed_by_fk' })
  private readonly placedByRef?: UserEntity;

  @Column({ name: 'placed_at', type: 'timestamptz' })
  placedAt!: Date;

  @Column({ name: 'lift_reason', type: 'text', nullable: true })
  liftReason!: string | null;

  @Column({ name: 'lifted_by_user_id', type: 'uuid', nullable: true })
  liftedByUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'lifted_by_user_id', foreignKeyConstraintName: 'legal_hold_lifted_by_fk' })
  private readonly liftedByRef?: UserEntity;

  @Column({ name: 'lifted_at', type: 'timestamptz', nullable: true })
  liftedAt!: Date | null;
}
