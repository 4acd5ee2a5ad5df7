import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ChildEntity } from '../children';
import { DistrictEntity } from '../organisation';
import { UserEntity } from '../organisation';

/** A register extract (GDPR art. 15) of a child: collected at request, handed out only after the secrecy review. */
@Entity('register_extract')
@Index('register_extract_child_idx', ['childId', 'requestedAt'])
export class RegisterExtractEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'register_extract_pkey' })
  id!: string;

  @Column({ name: 'child_id', type: 'uuid' })
  childId!: string;

  @ManyToOne(() => ChildEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'child_id', foreignKeyConstraintName: 'register_extract_child_fk' })
  private readonly childRef?: ChildEntity;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'register_extract_district_fk' })
  private readonly districtRef?: DistrictEntity;

  @Column({ name: 'requested_by_user_id', type: 'uuid' })
  requestedByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'requested_by_user_id', foreignKeyConstraintName: 'register_extract_requested_by_fk' })
  private readonly requestedByRef?: UserEntity;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;
}
