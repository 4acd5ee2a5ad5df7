import { recordAudit } from '../../domain/audit';
import { asSystem } from '../../db/access/row-scope';
import type { ExtractPart } from '../../db/personal-data/personal-data';
import { ExtractPartRow, registerExtractRepository, RegisterExtractRow } from '../../db/retention/register-extract.repository';
import { retentionRepository } from '../../db/retention/retention.repository';
import { AuditAction } from '../../domain/audit/audit-event';
import { Conflict, NotFound } from '../../domain/errors';
import { ExtractPartDecision, readyForRelease } from '../../domain/retention/extract-rules';
import { DecideExtractPartInput } from '../../schema/retention/retention.inputs';
import { RequestContext, requireScope } from '../context';
import { write } from '../write';

export type ExtractWithDistrict = RegisterExtractRow;
export type PartWithFacts = ExtractPartRow & { childId: string; districtId: string };

const audit = (
  x: Pick<RegisterExtractRow, 'id' | 'childId' | 'districtId'>,
  action: AuditAction.CREATE | AuditAction.UPDATE,
  fields: string[],
) => recordAudit('RegisterExtract', x, action, fields);

export const registerExtractService = {
  /** Collects every module's section now; parts with a secrecy mark wait for the reviewer. */
  async request(context: RequestContext, childId: string): Promise<RegisterExtractRow> {
    const scope = requireScope(context);
    return write(context, async (uow) => {
      const child = await retentionRepository.child(uow.manager, childId);
      if (!child || !scope.districtIds.has(child.districtId)) throw new NotFound('The child', 'childId');
      const parts = await asSystem(uow.manager, async (manager) => {
        const all: ExtractPart[] = [];
        for (const section of context.deps.registry.extracts) all.push(...(await section(manager, childId)));
        return all;
      });
      const id = await registerExtractRepository.create(
        uow.manager,
        { childId, districtId: child.districtId, requestedByUserId: scope.userId, requestedAt: uow.now },
        parts,
      );
      const extract = (await registerExtractRepository.extract(uow.manager, id))!;
      uow.audit(
        audit(
          extract,
          AuditAction.CREATE,
          parts.map((p) => p.key),
        ),
      );
      return extract;
    });
  },

  /** The reviewer releases or withholds one part, with a reason; a part is decided once. */
  async decide(context: RequestContext, input: DecideExtractPartInput): Promise<RegisterExtractRow> {
    const scope = requireScope(context);
    return write(context, async (uow) => {
      const extract = await registerExtractRepository.extract(uow.manager, input.extractId);
      if (!extract || !scope.districtIds.has(extract.districtId)) throw new NotFound('The register extract', 'input.extractId');
      const part = (await registerExtractRepository.parts(uow.manager, extract.id, true)).find((p) => p.key === input.key);
      if (!part) throw new NotFound('The part', 'input.key');
      if (part.decision !== ExtractPartDecision.PENDING) {
        throw new Conflict('This part is already decided.', 'Den här delen är redan granskad.');
      }
      const decision = input.release ? ExtractPartDecision.RELEASED : ExtractPartDecision.WITHHELD;
      await registerExtractRepository.decide(uow.manager, extract.id, part.key, decision, input.reason.trim(), scope.userId, uow.now);
      uow.audit(audit(extract, AuditAction.UPDATE, [`part:${part.key}`, 'decision', 'reason']));
      return extract;
    });
  },

  async extract(context: RequestContext, id: string): Promise<RegisterExtractRow> {
    const extract = await registerExtractRepository.extract(context.db.manager, id);
    if (!extract) throw new NotFound('The register extract', 'id');
    return extract;
  },

  async ofChild(context: RequestContext, childId: string): Promise<RegisterExtractRow[]> {
    return registerExtractRepository.extractsOfChild(context.db.manager, childId);
  },

  async parts(context: RequestContext, extract: RegisterExtractRow): Promise<PartWithFacts[]> {
    const parts = await registerExtractRepository.parts(context.db.manager, extract.id);
    return parts.map((p) => ({ ...p, childId: extract.childId, districtId: extract.districtId }));
  },

  /** Released parts with their records, withheld ones with their reason only; refused while any part waits. */
  async document(context: RequestContext, extract: RegisterExtractRow): Promise<string> {
    const parts = await registerExtractRepository.parts(context.db.manager, extract.id);
    if (!readyForRelease(parts)) {
      throw new Conflict(
        'The extract can be downloaded once every marked part is released or withheld.',
        'Utdraget kan hämtas först när varje markerad del är granskad.',
      );
    }
    return JSON.stringify({
      childId: extract.childId,
      requestedAt: extract.requestedAt,
      parts: parts.map((p) =>
        p.decision === ExtractPartDecision.RELEASED
          ? { key: p.key, title: p.title, released: true, reason: p.reason, rows: p.rows }
          : { key: p.key, title: p.title, released: false, reason: p.reason },
      ),
    });
  },
};
