import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DistrictEntity } from '../organisation';

/** One night's retention run in one district: counts per record type, no personal data. */
@Entity('retention_run')
@Index('retention_run_day_key', ['districtId', 'runDate'], { unique: true })
export class RetentionRunEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'retention_run_pkey' })
  id!: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'retention_run_district_fk' })
  private readonly districtRef?: DistrictEntity;

  /** The calendar day of the run: a second start that day resumes the same run. */
  @Column({ name: 'run_date', type: 'date' })
  runDate!: string;

  @Column({ name: 'policy_version', type: 'integer' })
  policyVersion!: number;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  /** Records swept, by record type: `{ "REPORT_NO_INVESTIGATION": 12 }`. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  counts!: Record<string, number>;
}
