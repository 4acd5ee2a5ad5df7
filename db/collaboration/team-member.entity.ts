import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyEntity } from '../organisation';
import { UserEntity } from '../organisation';
import { CollaborationCaseEntity } from './collaboration-case.entity';

/** A partner on the case's team; access also needs a valid consent covering their agency. An ended membership is kept as history. */
@Entity('collaboration_team_member')
@Index('collaboration_team_member_key', ['caseId', 'userId'], { unique: true, where: 'ended_at IS NULL' })
@Index('collaboration_team_member_user_idx', ['userId'])
export class TeamMemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CollaborationCaseEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'collaboration_team_member_case_fk' })
  private readonly caseRef?: CollaborationCaseEntity;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'collaboration_team_member_user_fk' })
  private readonly userRef?: UserEntity;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'collaboration_team_member_agency_fk' })
  private readonly agencyRef?: AgencyEntity;

  /** What the member does in the case, e.g. mentor, class teacher. */
  @Column({ type: 'text', nullable: true })
  role!: string | null;

  @Column({ name: 'added_at', type: 'timestamptz' })
  addedAt!: Date;

  @Column({ name: 'added_by_user_id', type: 'uuid' })
  addedByUserId!: string;

  /** Set when the consent covering the member's agency is withdrawn or the coordinator removes them; never deleted. */
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ name: 'ended_by_user_id', type: 'uuid', nullable: true })
  endedByUserId!: string | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason!: string | null;
}
