import { MiddlewareFn } from 'type-graphql';
import { decide } from '../../domain/access/policy';
import { OPERATION_POLICIES, TYPE_POLICIES } from './policy-table';
import { hasAnyRole } from '../../domain/access/viewer-scope';
import { AuditOutcome } from '../../domain/audit/audit-event';
import { Forbidden } from '../../domain/errors';
import { RequestContext, requireScope } from '../context';

/**
 * The one place the access policy is applied to the schema. Root operations
 * are checked by role; every object field by its grants, on the facts of the
 * object it belongs to. Personal reads, allowed or denied, go to the audit buffer.
 */
export const accessMiddleware: MiddlewareFn<RequestContext> = ({ root, info, context }, next) => {
  const typeName = info.parentType.name;
  const field = info.fieldName;
  const scope = requireScope(context);

  if (typeName === 'Query' || typeName === 'Mutation') {
    const roles = OPERATION_POLICIES[typeName][field];
    if (!roles || !hasAnyRole(scope, roles)) {
      throw new Forbidden(`Your role does not allow ${field}.`, field);
    }
    return next();
  }

  const policy = TYPE_POLICIES.get(typeName);
  const qualified = `${typeName}.${field}`;
  if (!policy) throw new Forbidden(`You may not read ${qualified}.`, qualified);
  const facts = policy.facts(root);
  const decision = decide(scope, policy.fields[field] ?? [], facts);
  if (policy.personal) {
    context.audit.read({
      entityType: typeName,
      entityId: facts.entityId ?? null,
      childId: facts.childId ?? null,
      districtId: facts.districtId ?? null,
      legalBasis: decision.allowed ? decision.basis : null,
      consentId: decision.allowed ? decision.consentId ?? null : null,
      outcome: decision.allowed ? AuditOutcome.ALLOWED : AuditOutcome.DENIED,
      field,
    });
  }
  if (!decision.allowed) throw new Forbidden(`You may not read ${qualified}.`, qualified);
  return next();
};
