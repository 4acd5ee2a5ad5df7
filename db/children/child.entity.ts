import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AgencyEntity } from '../organisation';
import { DistrictEntity } from '../organisation';

@Entity('child')
@Index('child_district_idx', ['districtId', 'familyName'])
@Index('child_name_key_idx', ['districtId', 'nameKey'])
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

  /** The name as matching compares it (`childNameKey`): possible matches at intake. */
  @Column({ name: 'name_key', type: 'text', default: '' })
  nameKey!: string;

  /** Set when this record was merged into another: a tombstone that resolves to the kept child. */
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId!: string | null;

  @ManyToOne(() => ChildEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'merged_into_id', foreignKeyConstraintName: 'child_merged_into_fk' })
  private readonly mergedIntoRef?: ChildEntity;

  @Column({ name: 'merged_at', type: 'timestamptz', nullable: true })
  mergedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
