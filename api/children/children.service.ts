import { isUniqueViolation } from '../../db/errors';
import { ChildRow, childRepository } from '../../db/children/child.repository';
import { childCorrectionRepository, correctionsOf } from '../../db/children/child-correction.repository';
import { LegalBasis } from '../../domain/access/legal-basis';
import { AuditAction } from '../../domain/audit/audit-event';
import { lookupSubject } from '../../db/audit/lookup-subject';
import { parsePersonalIdentityNumber } from '../../domain/children/personal-identity-number';
import { calendarDateAt, formatCalendarDate } from '../../domain/time/calendar-date';
import { BadInput, Conflict, NotFound } from '../../domain/errors';
import { AddGuardianInput, CreateChildInput, UpdateChildInput } from '../../schema/children/child.inputs';
import { RequestContext, requireScope } from '../context';
import { write } from '../write';
import { organisationRepository } from '../../db/organisation/organisation.repository';
import { checkReportedAge } from './child-age';
import { auditIdentityLookup } from './identity-lookup';

const IDENTITY_PROBLEMS = {
  FORMAT: ['must be 10 or 12 digits, like 20120315-1234.', 'ska vara 10 eller 12 siffror, till exempel 20120315-1234.'],
  DATE: ['does not contain a real date of birth.', 'innehåller inget giltigt födelsedatum.'],
  CHECK_DIGIT: ['has a wrong check digit. Check the last digit.', 'har fel kontrollsiffra. Kontrollera sista siffran.'],
} as const;

export function parseIdentityInput(field: string, raw: string, now: Date) {
  const result = parsePersonalIdentityNumber(raw, calendarDateAt(now));
  if (!result.ok) {
    const [en, sv] = IDENTITY_PROBLEMS[result.reason];
    throw new BadInput(field, `The personal identity number ${en}`, `Personnumret ${sv}`);
  }
  return result.value;
}

function requireOwnDistrict(context: RequestContext, field: string, districtId: string): void {
  if (!requireScope(context).districtIds.has(districtId)) {
    throw new BadInput(field, 'Choose one of your own districts.', 'Välj ett av dina egna områden.');
  }
}

async function loadVisibleChild(context: RequestContext, id: string): Promise<ChildRow> {
  const child = await context.loaders.child.load(id);
  if (!child) {
    context.audit.lookupDenied('Child', id, await context.db.asSystem((manager) => lookupSubject(manager, 'Child', id)));
    throw new NotFound('The child');
  }
  return child;
}

export const childrenService = {
  loadVisibleChild,

  async create(context: RequestContext, input: CreateChildInput): Promise<ChildRow> {
    const { clock } = context.deps;
    requireOwnDistrict(context, 'input.districtId', input.districtId);
    const identity = input.personalIdentityNumber
      ? parseIdentityInput('input.personalIdentityNumber', input.personalIdentityNumber, clock.now())
      : null;
    const values = {
      personalIdentityNumber: identity?.normalized ?? null,
      isCoordinationNumber: identity?.isCoordinationNumber ?? false,
      birthDate: identity ? formatCalendarDate(identity.birthDate) : null,
      givenName: input.givenName.trim(),
      familyName: input.familyName.trim(),
      districtId: input.districtId,
      schoolAgencyId: input.schoolAgencyId ?? null,
    };
    try {
      const id = await write(context, async (uow) => {
        const policy = await uow.policy(
          values.districtId,
          await organisationRepository.currentPolicyVersion(uow.manager, values.districtId),
        );
        checkReportedAge(identity?.birthDate ?? null, clock.now(), policy, 'input.personalIdentityNumber');
        const childId = await childRepository.insert(uow.manager, values);
        uow.audit({
          action: AuditAction.CREATE,
          entityType: 'Child',
          entityId: childId,
          childId,
          districtId: values.districtId,
          fields: Object.keys(values),
          legalBasis: LegalBasis.SAME_AGENCY,
        });
        return childId;
      });
      return { id, ...values };
    } catch (error) {
      if (isUniqueViolation(error)) {
        // The conflict is a lookup of a personal identity number: audited where the record is, and answered without saying where.
        await auditIdentityLookup(context, values.personalIdentityNumber ?? '');
        throw new Conflict(
          'This personal identity number is already registered. Search for the child in your districts; if the child is not there, the record belongs to another office, which you can ask.',
        );
      }
      throw error;
    }
  },

  async update(context: RequestContext, input: UpdateChildInput): Promise<ChildRow> {
    const child = await loadVisibleChild(context, input.id);
    if (input.districtId) requireOwnDistrict(context, 'input.districtId', input.districtId);
    const changes: Partial<ChildRow> = {};
    if (input.givenName !== undefined && input.givenName !== null) changes.givenName = input.givenName.trim();
    if (input.familyName !== undefined && input.familyName !== null) changes.familyName = input.familyName.trim();
    if (input.districtId) changes.districtId = input.districtId;
    if (input.schoolAgencyId !== undefined) changes.schoolAgencyId = input.schoolAgencyId;
    if (Object.keys(changes).length === 0) return child;
    await write(context, async (uow) => {
      await childRepository.update(uow.manager, child.id, changes);
      // A changed name keeps the one it replaced (GDPR art. 16): never overwritten silently.
      const names = { givenName: changes.givenName, familyName: changes.familyName };
      const named = Object.fromEntries(Object.entries(names).filter(([, v]) => v !== undefined));
      await childCorrectionRepository.record(uow.manager, correctionsOf(child, named, null, uow.now, requireScope(context).userId));
      uow.audit({
        action: AuditAction.UPDATE,
        entityType: 'Child',
        entityId: child.id,
        childId: child.id,
        districtId: changes.districtId ?? child.districtId,
        fields: Object.keys(changes),
        legalBasis: LegalBasis.SAME_AGENCY,
      });
    });
    context.loaders.child.clear(child.id);
    return { ...child, ...changes };
  },

  async addGuardian(context: RequestContext, input: AddGuardianInput): Promise<ChildRow> {
    const child = await loadVisibleChild(context, input.childId);
    await write(context, async (uow) => {
      const guardianId = await childRepository.insertGuardian(uow.manager, {
        childId: child.id,
        name: input.name.trim(),
        contact: input.contact?.trim() || null,
        relation: input.relation.trim(),
      });
      uow.audit({
        action: AuditAction.CREATE,
        entityType: 'Guardian',
        entityId: guardianId,
        childId: child.id,
        districtId: child.districtId,
        fields: ['name', 'contact', 'relation'],
        legalBasis: LegalBasis.SAME_AGENCY,
      });
    });
    context.loaders.guardiansOfChild.clear(child.id);
    return child;
  },
};
