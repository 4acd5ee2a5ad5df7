import { Condition, SubjectFacts, consentUsed, holds } from './conditions';
import { LegalBasis } from './legal-basis';
import { Decision, Grant, TypePolicy } from './policy';
import { ViewerScope, hasAnyRole } from './viewer-scope';

/** The reads of one object under one legal basis and consent (or denied), as the audit records them. */
export interface ReadGroup {
  readonly allowed: boolean;
  readonly basis: LegalBasis | null;
  readonly consentId: string | null;
  /** Sorted. */
  readonly fields: readonly string[];
}

/** What a viewer may read of one object: every field of its type decided at once. */
export class ObjectDecision {
  private readonly plans = new Map<readonly string[], readonly ReadGroup[]>();
  /** Denied fields of the type, whatever was asked. */
  readonly denied: ReadonlySet<string>;

  constructor(readonly fields: ReadonlyMap<string, Decision>) {
    this.denied = new Set([...fields].filter(([, d]) => !d.allowed).map(([f]) => f));
  }

  /** The requested fields grouped by outcome, basis and consent; cached per (immutable) list of requested fields. */
  readGroups(requested: readonly string[]): readonly ReadGroup[] {
    let groups = this.plans.get(requested);
    if (groups) return groups;
    const byKey = new Map<string, { allowed: boolean; basis: LegalBasis | null; consentId: string | null; fields: string[] }>();
    for (const field of requested) {
      const d = this.fields.get(field) ?? DENIED;
      const group = d.allowed
        ? { allowed: true, basis: d.basis, consentId: d.consentId ?? null }
        : { allowed: false, basis: null, consentId: null };
      const key = `${group.allowed}|${group.basis}|${group.consentId}`;
      const existing = byKey.get(key);
      if (existing) existing.fields.push(field);
      else byKey.set(key, { ...group, fields: [field] });
    }
    groups = [...byKey.values()].map((g) => Object.freeze({ ...g, fields: Object.freeze([...new Set(g.fields)].sort()) }));
    this.plans.set(requested, groups);
    return groups;
  }
}

const DENIED: Decision = Object.freeze({ allowed: false });

function mayRestOnConsent(condition: Condition): boolean {
  switch (condition.kind) {
    case 'teamMemberWithConsent':
    case 'consentCoversCategory':
      return true;
    case 'and':
      return condition.all.some(mayRestOnConsent);
    case 'or':
      return condition.any.some(mayRestOnConsent);
    default:
      return false;
  }
}

/** One type's grants for one viewer: those the viewer's roles reach, each a bit of the condition outcome. */
class TypeAccess {
  private readonly grants: Grant[] = [];
  private readonly consentBearing: boolean[] = [];
  /** Per field, the indexes of its reachable grants, in the policy's order (first match wins). */
  private readonly fieldGrants = new Map<string, number[]>();
  private readonly byOutcome = new Map<string, ObjectDecision>();

  constructor(private readonly scope: ViewerScope, policy: TypePolicy) {
    const index = new Map<Grant, number>();
    for (const [field, grants] of Object.entries(policy.fields)) {
      const reachable: number[] = [];
      for (const g of grants) {
        if (!hasAnyRole(scope, g.roles)) continue;
        let i = index.get(g);
        if (i === undefined) {
          i = this.grants.length;
          index.set(g, i);
          this.grants.push(g);
          this.consentBearing.push(mayRestOnConsent(g.when));
        }
        reachable.push(i);
      }
      this.fieldGrants.set(field, reachable);
    }
    if (this.grants.length > 30) throw new Error(`Policy for ${policy.type}: more than 30 distinct grants`);
  }

  decide(facts: SubjectFacts): ObjectDecision {
    let outcome = 0;
    let consents: (string | null)[] | null = null;
    for (let i = 0; i < this.grants.length; i++) {
      if (!holds(this.grants[i].when, this.scope, facts)) continue;
      outcome |= 1 << i;
      if (this.consentBearing[i]) (consents ??= [])[i] = consentUsed(this.grants[i].when, this.scope, facts);
    }
    // The consent a grant rests on belongs to the object's case, so it is part of the cache key.
    const key = consents ? `${outcome}|${consents.join(',')}` : String(outcome);
    let decision = this.byOutcome.get(key);
    if (!decision) {
      const fields = new Map<string, Decision>();
      for (const [field, indexes] of this.fieldGrants) {
        const first = indexes.find((i) => (outcome & (1 << i)) !== 0);
        if (first === undefined) {
          fields.set(field, DENIED);
          continue;
        }
        const consentId = consents?.[first];
        fields.set(field, Object.freeze(consentId
          ? { allowed: true as const, basis: this.grants[first].basis, consentId }
          : { allowed: true as const, basis: this.grants[first].basis }));
      }
      decision = new ObjectDecision(fields);
      this.byOutcome.set(key, decision);
    }
    return decision;
  }
}

/**
 * Decides access once per object instead of once per field: the outcome of
 * each reachable grant's condition on the object's facts (and the consent a
 * consent-bearing grant rests on) selects a cached decision for every field
 * of the type. Same answers as `decide` field by field.
 */
export class FieldAccess {
  private readonly types = new Map<string, TypeAccess>();

  constructor(private readonly scope: ViewerScope, private readonly policies: ReadonlyMap<string, TypePolicy>) {}

  decide(typeName: string, facts: SubjectFacts): ObjectDecision {
    let type = this.types.get(typeName);
    if (!type) {
      const policy = this.policies.get(typeName);
      if (!policy) throw new Error(`No access policy for ${typeName}`);
      this.types.set(typeName, type = new TypeAccess(this.scope, policy));
    }
    return type.decide(facts);
  }
}
