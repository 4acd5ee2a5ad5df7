import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MunicipalityEntity } from './municipality.entity';

@Entity('district')
export class DistrictEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'district_municipality_fk' })
  private readonly municipalityRef?: MunicipalityEntity;

  @Index('district_code_key', { unique: true })
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The policy version new deadlines are computed with. */
  @Column({ name: 'policy_version', type: 'integer' })
  policyVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
