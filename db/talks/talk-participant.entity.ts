import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TalkParticipantRole } from '../../domain/talks/talk-enums';
import { GuardianEntity } from '../children';
import { AgencyEntity } from '../organisation';
import { UserEntity } from '../organisation';
import { TalkEntity } from './talk.entity';

/** Who takes part: the child, guardians, staff (users), an interpreter (by name). Invited and attended are separate facts. */
@Entity('talk_participant')
@Index('talk_participant_talk_idx', ['talkId'])
@Index('talk_participant_user_key', ['talkId', 'userId'], { unique: true, where: 'user_id IS NOT NULL' })
@Index('talk_participant_guardian_key', ['talkId', 'guardianId'], { unique: true, where: 'guardian_id IS NOT NULL' })
@Index('talk_participant_child_key', ['talkId'], { unique: true, where: "role = 'CHILD'" })
@Index('talk_participant_invited_user_idx', ['userId'], { where: 'user_id IS NOT NULL' })
export class TalkParticipantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'talk_id', type: 'uuid' })
  talkId!: string;

  @ManyToOne(() => TalkEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'talk_id', foreignKeyConstraintName: 'talk_participant_talk_fk' })
  private readonly talkRef?: TalkEntity;

  @Column({ type: 'text' })
  role!: TalkParticipantRole;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'talk_participant_user_fk' })
  private readonly userRef?: UserEntity;

  @Column({ name: 'guardian_id', type: 'uuid', nullable: true })
  guardianId!: string | null;

  @ManyToOne(() => GuardianEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'guardian_id', foreignKeyConstraintName: 'talk_participant_guardian_fk' })
  private readonly guardianRef?: GuardianEntity;

  /** The staff member's agency: it owes a disclosure when it takes part. */
  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId!: string | null;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'talk_participant_agency_fk' })
  private readonly agencyRef?: AgencyEntity;

  /** An interpreter's name (no user account). */
  @Column({ type: 'text', nullable: true })
  name!: string | null;

  @Column({ name: 'invited_at', type: 'timestamptz' })
  invitedAt!: Date;

  @Column({ type: 'boolean', nullable: true })
  attended!: boolean | null;

  /** A police officer in uniform or not. */
  @Column({ type: 'boolean', nullable: true })
  uniformed!: boolean | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
