import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MunicipalityEntity } from './municipality.entity';
import { AgencyKind } from '../../domain/access/roles';

@Entity('agency')
export class AgencyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'agency_municipality_fk' })
  private readonly municipalityRef?: MunicipalityEntity;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: AgencyKind;

  @Column({ name: 'is_public_authority', type: 'boolean' })
  isPublicAuthority!: boolean;

  /** Its staff must report concerns about children (SoL 14:1), and so are owed feedback on them. */
  @Column({ name: 'duty_to_report', type: 'boolean' })
  dutyToReport!: boolean;

  /** The districts this agency serves. */
  @Column({ name: 'district_ids', type: 'uuid', array: true })
  districtIds!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
