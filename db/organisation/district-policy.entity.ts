import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DistrictEntity } from './district.entity';
import type { DistrictPolicy } from '../../domain/districts/district-policy';

/** Insert-only: each change to a district's policy is a new version. */
@Entity('district_policy')
@Index('district_policy_version_key', ['districtId', 'version'], { unique: true })
export class DistrictPolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'district_policy_district_fk' })
  private readonly districtRef?: DistrictEntity;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  settings!: DistrictPolicy;

  @Column({ name: 'changed_by', type: 'uuid', nullable: true })
  changedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
