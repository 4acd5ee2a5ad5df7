import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DistrictEntity } from '../organisation';

/** A weekly collaboration forum (Hisingen's LUL forum) deciding which reports get a talk. */
@Entity('forum_meeting')
@Index('forum_meeting_day_key', ['districtId', 'meetsOn'], { unique: true })
export class ForumMeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'forum_meeting_district_fk' })
  private readonly districtRef?: DistrictEntity;

  @Column({ name: 'meets_on', type: 'date' })
  meetsOn!: string;

  @Column({ name: 'created_by_user_id', type: 'uuid' })
  createdByUserId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
