import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RetentionRunEntity } from './retention-run.entity';

/** A record already swept (anonymised or deleted), so a resumed or repeated run never counts it twice. */
@Entity('retention_sweep')
@Index('retention_sweep_run_idx', ['runId'])
export class RetentionSweepEntity {
  @PrimaryColumn({ name: 'record_type', type: 'text', primaryKeyConstraintName: 'retention_sweep_pkey' })
  recordType!: string;

  @PrimaryColumn({ name: 'record_id', type: 'uuid', primaryKeyConstraintName: 'retention_sweep_pkey' })
  recordId!: string;

  @Column({ name: 'run_id', type: 'uuid' })
  runId!: string;

  @ManyToOne(() => RetentionRunEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'retention_sweep_run_fk' })
  private readonly runRef?: RetentionRunEntity;

  @Column({ name: 'swept_at', type: 'timestamptz' })
  sweptAt!: Date;
}
