import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum OutboxStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  /** Gave up after the last attempt; an operator can retry it. */
  PARKED = 'PARKED',
}

/** Outbound e-mail, written in the same transaction as the change that causes it. */
@Entity('outbox')
@Index('outbox_pending_idx', ['createdAt'], { where: `status = 'PENDING'` })
@Index('outbox_parked_idx', ['parkedAt'], { where: `status = 'PARKED'` })
export class OutboxEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  channel!: string;

  @Column({ name: 'recipient_user_id', type: 'uuid' })
  recipientUserId!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  /** An iCalendar entry sent with the e-mail (a talk's booking, move or cancellation): references only, never a child. */
  @Column({ type: 'text', nullable: true })
  calendar!: string | null;

  @Index('outbox_dedupe_key', { unique: true })
  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey!: string;

  @Column({ type: 'text', default: OutboxStatus.PENDING })
  status!: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'parked_at', type: 'timestamptz', nullable: true })
  parkedAt!: Date | null;

  /** Rounds of attempts given after parking; part of the job id. */
  @Column({ name: 'retry_round', type: 'integer', default: 0 })
  retryRound!: number;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
