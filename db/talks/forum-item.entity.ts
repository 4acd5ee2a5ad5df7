import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ForumNoReason, TalkHolderKind } from '../../domain/talks/talk-enums';
import { ReportEntity } from '../reports';
import { ForumMeetingEntity } from './forum-meeting.entity';
import { TalkEntity } from './talk.entity';

/** One report on a forum's agenda and what the forum decided. */
@Entity('forum_item')
@Index('forum_item_key', ['meetingId', 'reportId'], { unique: true })
@Index('forum_item_report_idx', ['reportId'])
export class ForumItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @ManyToOne(() => ForumMeetingEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'forum_item_meeting_fk' })
  private readonly meetingRef?: ForumMeetingEntity;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => ReportEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'forum_item_report_fk' })
  private readonly reportRef?: ReportEntity;

  /** Null until decided. */
  @Column({ name: 'hold_talk', type: 'boolean', nullable: true })
  holdTalk!: boolean | null;

  @Column({ name: 'with_uniformed_police', type: 'boolean', nullable: true })
  withUniformedPolice!: boolean | null;

  @Column({ name: 'holder_kind', type: 'text', nullable: true })
  holderKind!: TalkHolderKind | null;

  @Column({ name: 'target_date', type: 'date', nullable: true })
  targetDate!: string | null;

  @Column({ name: 'talk_id', type: 'uuid', nullable: true })
  talkId!: string | null;

  @ManyToOne(() => TalkEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'talk_id', foreignKeyConstraintName: 'forum_item_talk_fk' })
  private readonly talkRef?: TalkEntity;

  /** A "no" carries its reason; OTHER needs the text. */
  @Column({ name: 'no_reason', type: 'text', nullable: true })
  noReason!: ForumNoReason | null;

  @Column({ name: 'no_reason_text', type: 'text', nullable: true })
  noReasonText!: string | null;

  @Column({ name: 'decided_by_user_id', type: 'uuid', nullable: true })
  decidedByUserId!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
