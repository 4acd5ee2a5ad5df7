import { recordAudit } from '../../domain/audit';
import { LegalHoldRow, retentionRepository, RetentionRunRow } from '../../db/retention/retention.repository';
import { AuditAction } from '../../domain/audit/audit-event';
import { BadInput, Conflict, NotFound } from '../../domain/errors';
import { LiftLegalHoldInput, PlaceLegalHoldInput } from '../../schema/retention/retention.inputs';
import { RequestContext, requireScope } from '../context';
import { write } from '../write';

const holdAudit = (
  hold: Pick<LegalHoldRow, 'id' | 'childId' | 'districtId'>,
  action: AuditAction.CREATE | AuditAction.UPDATE,
  fields: string[],
) => recordAudit('LegalHold', hold, action, fields);

export const retentionService = {
  /** A hold on a child, or on one collaboration case (then on its child's records of that case). */
  async placeHold(context: RequestContext, input: PlaceLegalHoldInput): Promise<LegalHoldRow> {
    const scope = requireScope(context);
    if (!input.childId === !input.caseId) {
      throw new BadInput('input.childId', 'Give either a child or a case.', 'Ange antingen ett barn eller ett samverkansärende.');
    }
    return write(context, async (uow) => {
      const subject = input.caseId
        ? await retentionRepository.caseChild(uow.manager, input.caseId)
        : await retentionRepository.child(uow.manager, input.childId!).then((c) => c && { childId: c.id, districtId: c.districtId });
      if (!subject || !scope.districtIds.has(subject.districtId)) {
        throw new NotFound(input.caseId ? 'The case' : 'The child', input.caseId ? 'input.caseId' : 'input.childId');
      }
      const id = await retentionRepository.placeHold(uow.manager, {
        districtId: subject.districtId,
        childId: subject.childId,
        caseId: input.caseId ?? null,
        reason: input.reason.trim(),
        placedByUserId: scope.userId,
        placedAt: uow.now,
      });
      const hold = (await retentionRepository.hold(uow.manager, id))!;
      uow.audit(holdAudit(hold, AuditAction.CREATE, ['childId', 'caseId', 'reason']));
      return hold;
    });
  },

  async liftHold(context: RequestContext, input: LiftLegalHoldInput): Promise<LegalHoldRow> {
    const scope = requireScope(context);
    return write(context, async (uow) => {
      const hold = await retentionRepository.hold(uow.manager, input.holdId, true);
      if (!hold || !scope.districtIds.has(hold.districtId)) throw new NotFound('The legal hold', 'input.holdId');
      if (hold.liftedAt) throw new Conflict('The legal hold is already lifted.', 'Bevarandebeslutet är redan hävt.');
      await retentionRepository.liftHold(uow.manager, hold.id, input.liftReason.trim(), scope.userId, uow.now);
      uow.audit(holdAudit(hold, AuditAction.UPDATE, ['liftedAt', 'liftReason']));
      return (await retentionRepository.hold(uow.manager, hold.id))!;
    });
  },

  holds(context: RequestContext, childId: string | null): Promise<LegalHoldRow[]> {
    return retentionRepository.holds(context.db.manager, [...requireScope(context).districtIds], childId);
  },

  runs(context: RequestContext, limit: number): Promise<RetentionRunRow[]> {
    return retentionRepository.runs(context.db.manager, [...requireScope(context).districtIds], limit);
  },
};
