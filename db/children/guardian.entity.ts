import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ChildEntity } from './child.entity';

@Entity('guardian')
export class GuardianEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('guardian_child_idx')
  @Column({ name: 'child_id', type: 'uuid' })
  childId!: string;

  @ManyToOne(() => ChildEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'child_id', foreignKeyConstraintName: 'guardian_child_fk' })
  private readonly childRef?: ChildEntity;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  contact!: string | null;

  /** For example mother, father, appointed custodian. */
  @Column({ type: 'text' })
  relation!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
