import { isUniqueViolation } from '../../db/errors';
import { childCorrectionRepository, ChildCorrectionRow, correctionsOf } from '../../db/children/child-correction.repository';
import { ChildRow, childRepository } from '../../db/children/child.repository';
import { LegalBasis } from '../../domain/access/legal-basis';
import { AuditAction } from '../../domain/audit/audit-event';
import { BadInput, Conflict } from '../../domain/errors';
import { formatCalendarDate } from '../../domain/time/calendar-date';
import { CorrectChildInput } from '../../schema/children/child-correction.type';
import { RequestContext, requireScope } from '../context';
import { write } from '../write';
import { childrenService, parseIdentityInput } from './children.service';

export const childCorrectionService = {
  /** Corrects the child's name or personal identity number; every old value stays in the correction history. */
  async correct(context: RequestContext, input: CorrectChildInput): Promise<ChildRow> {
    const scope = requireScope(context);
    const child = await childrenService.loadVisibleChild(context, input.childId);
    const changes: Partial<ChildRow> = {};
    if (input.givenName) changes.givenName = input.givenName.trim();
    if (input.familyName) changes.familyName = input.familyName.trim();
    if (input.personalIdentityNumber) {
      const identity = parseIdentityInput('input.personalIdentityNumber', input.personalIdentityNumber, context.deps.clock.now());
      changes.personalIdentityNumber = identity.normalized;
      changes.isCoordinationNumber = identity.isCoordinationNumber;
      changes.birthDate = formatCalendarDate(identity.birthDate);
    }
    try {
      return await write(context, async (uow) => {
        const rows = correctionsOf(child, changes, input.reason.trim(), uow.now, scope.userId);
        if (!rows.length) {
          throw new BadInput(
            'input.givenName',
            'Nothing to correct: give a value that differs.',
            'Inget att rätta: ange ett värde som skiljer sig.',
          );
        }
        await childRepository.update(uow.manager, child.id, changes);
        await childCorrectionRepository.record(uow.manager, rows);
        uow.audit({
          action: AuditAction.UPDATE,
          entityType: 'Child',
          entityId: child.id,
          childId: child.id,
          districtId: child.districtId,
          fields: rows.map((r) => r.field),
          legalBasis: LegalBasis.SAME_AGENCY,
        });
        context.loaders.child.clear(child.id);
        return { ...child, ...changes };
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new Conflict(
          'This personal identity number is already registered to another child: merge the records instead.',
          'Personnumret finns redan på ett annat barn: slå ihop uppgifterna i stället.',
        );
      }
      throw error;
    }
  },

  history(context: RequestContext, childId: string): Promise<ChildCorrectionRow[]> {
    return childCorrectionRepository.ofChild(context.db.manager, childId);
  },
};
