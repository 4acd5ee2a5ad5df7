import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE. */
@Entity('audit_event')
@Index('audit_event_child_idx', ['childId', 'occurredAt'])
@Index('audit_event_actor_idx', ['actorUserId', 'occurredAt'])
@Index('audit_event_district_idx', ['districtId', 'occurredAt'])
@Index('audit_event_child_ids_idx', { synchronize: false })
@Check(
  'audit_event_entities_check',
  `entity_ids IS NULL
      OR (entity_id IS NULL AND child_id IS NULL AND child_ids IS NOT NULL AND cardinality(entity_ids) = cardinality(child_ids))`,
)
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

  /** When the row covers several objects: their ids and children, index by index (entity_id and child_id are then null). */
  @Column({ name: 'entity_ids', type: 'text', array: true, nullable: true })
  entityIds!: string[] | null;

  @Column({ name: 'child_ids', type: 'uuid', array: true, nullable: true })
  childIds!: (string | null)[] | null;

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
