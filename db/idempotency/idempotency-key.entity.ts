import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A mutation's result, kept so a retry with the same key returns it instead of writing again. */
@Entity('idempotency_key')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  operation!: string;

  @Column({ name: 'result_id', type: 'uuid' })
  resultId!: string;

  /** A digest of the input; null for keys stored before it was kept. */
  @Column({ name: 'request_hash', type: 'text', nullable: true })
  requestHash!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
