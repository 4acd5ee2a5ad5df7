import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../organisation';

/** A browser signed in to the queue dashboard: the cookie carries a random id, never a token. */
@Entity('queue_dashboard_session')
export class QueueDashboardSessionEntity {
  /** SHA-256 of the cookie's id: a read of this table signs no one in. */
  @PrimaryColumn({ name: 'id_hash', type: 'text' })
  idHash!: string;

  @Index()
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
