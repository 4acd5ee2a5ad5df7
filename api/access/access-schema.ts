import { FieldNode, GraphQLFieldResolver, GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema, getNamedType, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { FieldAccess } from '../../domain/access/field-access';
import { AccessPolicy, TypePolicy } from '../../domain/access/policy';
import { hasAnyRole } from '../../domain/access/viewer-scope';
import { Forbidden } from '../../domain/errors';
import { RequestContext, requireScope } from '../context';
import { selectedFieldNames } from '../selection';

/**
 * The one place the access policy is applied to the schema. Root operations
 * are checked by role. Every object is decided once, when the field that
 * returns it resolves: all its fields at once, on its facts (domain/access
 * `FieldAccess`). Personal reads, allowed or denied, go to the audit buffer
 * then. Denied fields resolve to null with a FORBIDDEN error; scalar fields
 * that are plain properties keep graphql's default resolver.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a field's source is whatever its parent resolved
type Resolver = GraphQLFieldResolver<any, RequestContext>;

/** On a copy of a row with denied fields: the row itself, for field resolvers. */
const ORIGINAL = Symbol('original row');
/** On such a copy: the type's denied fields. */
const DENIED = Symbol('denied fields');

const forbidden = (qualified: string) => new Forbidden(`You may not read ${qualified}.`, qualified);

const accessByRequest = new WeakMap<RequestContext, FieldAccess>();

function accessOf(context: RequestContext, policies: ReadonlyMap<string, TypePolicy>): FieldAccess {
  let access = accessByRequest.get(context);
  if (!access) accessByRequest.set(context, (access = new FieldAccess(requireScope(context), policies)));
  return access;
}

const requestedByNodes = new WeakMap<readonly FieldNode[], readonly string[]>();

/** The fields the operation reads of each object this field returns; the same array for every item of a list. */
function requestedFields(info: GraphQLResolveInfo, type: GraphQLObjectType): readonly string[] {
  let fields = requestedByNodes.get(info.fieldNodes);
  if (!fields) requestedByNodes.set(info.fieldNodes, (fields = Object.freeze([...selectedFieldNames(info, [[type.name]])])));
  return fields;
}

interface Target {
  readonly type: GraphQLObjectType;
  readonly policy: TypePolicy;
  /** Every type's policy: one request's field decisions share one `FieldAccess`. */
  readonly policies: ReadonlyMap<string, TypePolicy>;
  /** Denied plain scalar fields resolve through these on the row's copy. */
  readonly throwers: ReadonlyMap<string, () => never>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of every type pass here; the symbols on a copy are read untyped
function prepareObject(row: any, target: Target, context: RequestContext, info: GraphQLResolveInfo): any {
  const original = row[ORIGINAL] ?? row;
  const facts = target.policy.facts(original);
  const decision = accessOf(context, target.policies).decide(target.type.name, facts);
  if (target.policy.personal) {
    context.audit.readObject(
      {
        entityType: target.type.name,
        entityId: facts.entityId ?? null,
        childId: facts.childId ?? null,
        districtId: facts.districtId ?? null,
      },
      decision.readGroups(requestedFields(info, target.type)),
    );
  }
  if (decision.denied.size === 0) return original;
  const copy = Object.assign(Object.create(Object.getPrototypeOf(original)), original);
  copy[ORIGINAL] = original;
  copy[DENIED] = decision.denied;
  for (const field of decision.denied) {
    const thrower = target.throwers.get(field);
    if (thrower) copy[field] = thrower;
  }
  return copy;
}

function prepare(value: unknown, target: Target, context: RequestContext, info: GraphQLResolveInfo): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((item) => prepare(item, target, context, info));
  if (typeof (value as PromiseLike<unknown>).then === 'function') {
    return (value as PromiseLike<unknown>).then((resolved) => prepare(resolved, target, context, info));
  }
  return prepareObject(value, target, context, info);
}

/** Object type → field names whose value comes from a type-graphql field resolver (the rest are plain properties). */
function resolverBackedFields(): Set<string> {
  const storage = getMetadataStorage();
  const names = new Map(storage.objectTypes.map((o) => [o.target, o.name]));
  return new Set(storage.fieldResolvers.map((r) => `${names.get(r.getObjectType?.() as Function)}.${r.schemaName}`));
}

interface HandlerParam {
  readonly kind: string;
  readonly index: number;
  readonly propertyName?: string;
  readonly getType?: () => unknown;
}

const takesAsIs = (p: HandlerParam) =>
  (p.kind === 'root' && !p.propertyName && (!p.getType || p.getType() === Object)) ||
  (p.kind === 'context' && !p.propertyName) ||
  p.kind === 'info';

/**
 * Field resolver methods that take only their row (as is), the context and the info, called directly: type-graphql's
 * handler sorts, maps and converts the parameters on every call, for every row of a list.
 */
function directFieldResolvers(): Map<string, Resolver> {
  const storage = getMetadataStorage();
  const names = new Map(storage.objectTypes.map((o) => [o.target, o.name]));
  const byField = new Map<string, Resolver | null>();
  for (const r of storage.fieldResolvers) {
    const qualified = `${names.get(r.getObjectType?.() as Function)}.${r.schemaName}`;
    const params = [...((r.params ?? []) as HandlerParam[])].sort((a, b) => a.index - b.index);
    const direct = r.kind === 'external' && !r.middlewares?.length && !r.roles?.length && r.target.length === 0 && params.every(takesAsIs);
    if (!direct || byField.has(qualified)) {
      byField.set(qualified, null);
      continue;
    }
    const instance = new (r.target as new () => Record<string, (...args: unknown[]) => unknown>)();
    const method = instance[r.methodName];
    const shape = params.map((p) => p.kind).join(',');
    byField.set(
      qualified,
      shape === 'root'
        ? (source) => method.call(instance, source)
        : shape === 'root,context'
          ? (source, _args, context) => method.call(instance, source, context)
          : (source, _args, context, info) =>
              method.apply(
                instance,
                params.map((p) => (p.kind === 'root' ? source : p.kind === 'context' ? context : info)),
              ),
    );
  }
  return new Map([...byField].filter((entry): entry is [string, Resolver] => entry[1] !== null));
}

/** Wires the access policy into a built schema; a type or operation without an entry is refused. */
export function applyAccessPolicy(schema: GraphQLSchema, access: AccessPolicy): GraphQLSchema {
  const backed = resolverBackedFields();
  const direct = directFieldResolvers();
  const types = Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'));
  const targets = new Map<string, Target>();
  for (const type of types) {
    const policy = access.types.get(type.name);
    if (!policy) continue;
    const throwers = new Map<string, () => never>();
    for (const field of Object.values(type.getFields())) {
      const qualified = `${type.name}.${field.name}`;
      if (!backed.has(qualified) && !isObjectType(getNamedType(field.type)))
        throwers.set(field.name, () => {
          throw forbidden(qualified);
        });
    }
    targets.set(type.name, { type, policy, policies: access.types, throwers });
  }

  for (const type of types) {
    const root = type.name === 'Query' || type.name === 'Mutation' ? type.name : null;
    const policy = access.types.get(type.name);
    for (const field of Object.values(type.getFields())) {
      const name = field.name;
      const qualified = `${type.name}.${name}`;
      const named = getNamedType(field.type);
      const target = isObjectType(named) ? targets.get(named.name) : undefined;
      const inner: Resolver | undefined = root
        ? field.resolve
        : backed.has(qualified)
          ? (direct.get(qualified) ?? field.resolve)
          : undefined;
      const finish = (result: unknown, context: RequestContext, info: GraphQLResolveInfo) =>
        target ? prepare(result, target, context, info) : result;

      if (root) {
        const roles = access.operations[root][name];
        field.resolve = (source, args, context: RequestContext, info) => {
          const scope = requireScope(context);
          if (!roles || !hasAnyRole(scope, roles)) throw new Forbidden(`Your role does not allow ${name}.`, name);
          return finish(inner!(source, args, context, info), context, info);
        };
      } else if (!policy || !policy.fields[name]) {
        field.resolve = (_source, _args, context: RequestContext) => {
          requireScope(context);
          throw forbidden(qualified);
        };
      } else if (!inner && !target) {
        field.resolve = undefined;
      } else {
        field.resolve = (source, args, context: RequestContext, info) => {
          const denied: ReadonlySet<string> | undefined = source[DENIED];
          if (denied !== undefined && denied.has(name)) throw forbidden(qualified);
          const row = source[ORIGINAL] ?? source;
          return finish(inner ? inner(row, args, context, info) : row[name], context, info);
        };
      }
    }
  }
  return schema;
}
