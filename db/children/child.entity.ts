import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AgencyEntity } from '../organisation/agency.entity';
import { DistrictEntity } from '../organisation/district.entity';

@Entity('child')
@Index('child_district_idx', ['districtId', 'familyName'])
export class ChildEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** 12 digits, normalised; null when a reporter knew only the name. */
  @Index('child_personal_identity_number_key', { unique: true })
  @Column({ name: 'personal_identity_number', type: 'char', length: 12, nullable: true })
  personalIdentityNumber!: string | null;

  @Column({ name: 'is_coordination_number', type: 'boolean', default: false })
  isCoordinationNumber!: boolean;

  @Column({ name: 'birth_date', type: 'date', nullable: true })
  birthDate!: string | null;

  @Column({ name: 'given_name', type: 'text' })
  givenName!: string;

  @Column({ name: 'family_name', type: 'text' })
  familyName!: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'child_district_fk' })
  private readonly districtRef?: DistrictEntity;

  @Column({ name: 'school_agency_id', type: 'uuid', nullable: true })
  schoolAgencyId!: string | null;

  @ManyToOne(() => AgencyEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'school_agency_id', foreignKeyConstraintName: 'child_school_agency_fk' })
  private readonly schoolAgencyRef?: AgencyEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
