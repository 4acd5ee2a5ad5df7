import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE. */
@Entity('audit_event')
@Index('audit_event_child_idx', ['childId', 'occurredAt'])
@Index('audit_event_actor_idx', ['actorUserId', 'occurredAt'])
@Index('audit_event_district_idx', ['districtId', 'occurredAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'request_id', type: 'text' })
  requestId!: string;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ name: 'actor_agency_id', type: 'uuid', nullable: true })
  actorAgencyId!: string | null;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles!: string[];

  /** READ, CREATE, UPDATE, SYSTEM… */
  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId!: string | null;

  @Column({ name: 'child_id', type: 'uuid', nullable: true })
  childId!: string | null;

  @Column({ name: 'district_id', type: 'uuid', nullable: true })
  districtId!: string | null;

  @Column({ type: 'text', array: true })
  fields!: string[];

  @Column({ name: 'legal_basis', type: 'text', nullable: true })
  legalBasis!: string | null;

  @Column({ name: 'consent_id', type: 'uuid', nullable: true })
  consentId!: string | null;

  /** ALLOWED or DENIED. */
  @Column({ type: 'text' })
  outcome!: string;
}
