import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TalkClearanceKind } from '../../domain/talks/talk-enums';
import { UserEntity } from '../organisation';
import { TalkEntity } from './talk.entity';

/** A police user's recorded clearance for a talk. */
@Entity('talk_clearance')
@Index('talk_clearance_key', ['talkId', 'kind'], { unique: true })
export class TalkClearanceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'talk_id', type: 'uuid' })
  talkId!: string;

  @ManyToOne(() => TalkEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'talk_id', foreignKeyConstraintName: 'talk_clearance_talk_fk' })
  private readonly talkRef?: TalkEntity;

  @Column({ type: 'text' })
  kind!: TalkClearanceKind;

  @Column({ name: 'recorded_by_user_id', type: 'uuid' })
  recordedByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'recorded_by_user_id', foreignKeyConstraintName: 'talk_clearance_user_fk' })
  private readonly recordedByRef?: UserEntity;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
