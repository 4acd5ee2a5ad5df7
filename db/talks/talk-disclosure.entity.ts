import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyEntity } from '../organisation';
import { UserEntity } from '../organisation';
import { TalkEntity } from './talk.entity';

/** Before the talk starts, each participating agency explains its purpose and how the information is handled. */
@Entity('talk_disclosure')
@Index('talk_disclosure_key', ['talkId', 'agencyId'], { unique: true })
export class TalkDisclosureEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'talk_id', type: 'uuid' })
  talkId!: string;

  @ManyToOne(() => TalkEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'talk_id', foreignKeyConstraintName: 'talk_disclosure_talk_fk' })
  private readonly talkRef?: TalkEntity;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'talk_disclosure_agency_fk' })
  private readonly agencyRef?: AgencyEntity;

  /** Who explained it. */
  @Column({ name: 'explained_by_user_id', type: 'uuid' })
  explainedByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'explained_by_user_id', foreignKeyConstraintName: 'talk_disclosure_user_fk' })
  private readonly explainedByRef?: UserEntity;

  @Column({ name: 'recorded_by_user_id', type: 'uuid' })
  recordedByUserId!: string;

  @Column({ name: 'explained_at', type: 'timestamptz' })
  explainedAt!: Date;
}
