import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DistrictEntity } from '../organisation';
import { UserEntity } from '../organisation';
import { ChildEntity } from './child.entity';

/** A correction of a child's name or personal identity number (GDPR art. 16): the old value is kept, never overwritten silently. */
@Entity('child_correction')
@Index('child_correction_child_idx', ['childId', 'correctedAt'])
export class ChildCorrectionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'child_correction_pkey' })
  id!: string;

  @Column({ name: 'child_id', type: 'uuid' })
  childId!: string;

  @ManyToOne(() => ChildEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'child_id', foreignKeyConstraintName: 'child_correction_child_fk' })
  private readonly childRef?: ChildEntity;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'child_correction_district_fk' })
  private readonly districtRef?: DistrictEntity;

  /** givenName, familyName, personalIdentityNumber or birthDate (which follows the number). */
  @Column({ type: 'text' })
  field!: string;

  @Column({ name: 'old_value', type: 'text', nullable: true })
  oldValue!: string | null;

  @Column({ name: 'new_value', type: 'text', nullable: true })
  newValue!: string | null;

  /** Empty for a plain edit of the name (updateChild); a correction says why. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'corrected_by_user_id', type: 'uuid' })
  correctedByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'corrected_by_user_id', foreignKeyConstraintName: 'child_correction_corrected_by_fk' })
  private readonly correctedByRef?: UserEntity;

  @Column({ name: 'corrected_at', type: 'timestamptz' })
  correctedAt!: Date;
}
