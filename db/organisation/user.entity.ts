import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyEntity } from './agency.entity';
import { Role } from '../../domain/access/roles';

@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'app_user_agency_fk' })
  private readonly agencyRef?: AgencyEntity;

  /** Lower-case; the token's `sub` is matched against `subject`, or the email in development. */
  @Index('app_user_email_key', { unique: true })
  @Column({ type: 'text' })
  email!: string;

  @Index('app_user_subject_key', { unique: true })
  @Column({ type: 'text', nullable: true })
  subject!: string | null;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text', array: true })
  roles!: Role[];

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
