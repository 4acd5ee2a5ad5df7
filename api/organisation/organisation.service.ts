import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AgencyRow, DistrictRow, organisationRepository } from '../../db/organisation/organisation.repository';
import { isUniqueViolation } from '../../db/errors';
import { DEFAULT_DISTRICT_POLICY } from '../../platform/districts/district-settings';
import { UserAccountRow, userAccountRepository } from '../../db/organisation/user-account.repository';
import { UnitOfWork } from '../../db/unit-of-work';
import { AuditAction } from '../../domain/audit/audit-event';
import { BadInput, Conflict, Forbidden, NotFound } from '../../domain/errors';
import { AgencyKind, caseworkBesideAdmin, Role } from '../../domain/access/roles';
import {
  CreateAgencyInput,
  CreateDistrictInput,
  CreateUserInput,
  RegisterIntakeClientInput,
  SetAgencyDistrictsInput,
  SetAgencyDutyToReportInput,
  SetUserRolesInput,
} from '../../schema/organisation/organisation.inputs';
import { RequestContext, requireScope } from '../context';
import { write } from '../write';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Administrators' changes to accounts and agencies are audited like any write, with no legal basis (no child is involved). */
function audit(
  uow: UnitOfWork,
  action: AuditAction.CREATE | AuditAction.UPDATE,
  entityType: string,
  entityId: string,
  fields: string[],
): void {
  uow.audit({ action, entityType, entityId, childId: null, districtId: null, fields, legalBasis: null });
}

/** A user's roles and agency decide which districts they read: the change is audited in each district it opens, so that district's supervisors see it. */
function auditAccess(
  uow: UnitOfWork,
  action: AuditAction.CREATE | AuditAction.UPDATE,
  userId: string,
  fields: string[],
  agency: AgencyRow,
): void {
  const districtIds: (string | null)[] = agency.districtIds.length ? [...agency.districtIds] : [null];
  for (const districtId of districtIds) {
    uow.audit({ action, entityType: 'UserAccount', entityId: userId, childId: null, districtId, fields, legalBasis: null });
  }
}

function checkRoles(roles: readonly Role[]): void {
  if (roles.includes(Role.INTAKE_CLIENT)) {
    throw new BadInput(
      'input.roles',
      'INTAKE_CLIENT is the role of a case system sending reports, not of a person: register the system as a client instead.',
      'INTAKE_CLIENT är rollen för ett ärendesystem som skickar anmälningar, inte för en person: registrera systemet som klient i stället.',
    );
  }
  const casework = caseworkBesideAdmin(roles);
  if (casework.length === 0) return;
  throw new BadInput(
    'input.roles',
    `ADMIN cannot be combined with ${casework.join(', ')}: an administrator must not use the access it grants. Give casework to a separate account.`,
    `ADMIN kan inte kombineras med ${casework.join(', ')}: en administratör får inte själv använda den åtkomst den delar ut. Ge handläggningen till ett eget konto.`,
  );
}

async function checkDistricts(manager: EntityManager, municipalityId: string, districtIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(districtIds)];
  const known = await userAccountRepository.districtsOf(manager, municipalityId, unique);
  if (known.length !== unique.length)
    throw new BadInput('input.districtIds', 'Choose districts of your municipality.', 'Välj områden i din kommun.');
  return unique;
}

async function agencyOfMunicipality(manager: EntityManager, municipalityId: string, agencyId: string, field: string): Promise<AgencyRow> {
  const [agency] = await organisationRepository.agenciesByIds(manager, [agencyId]);
  if (!agency || agency.municipalityId !== municipalityId)
    throw new BadInput(field, 'Choose an agency of your municipality.', 'Välj en verksamhet i din kommun.');
  return agency;
}

export const organisationService = {
  users(context: RequestContext, agencyId: string | null, first: number): Promise<UserAccountRow[]> {
    return userAccountRepository.list(context.db.manager, requireScope(context).municipalityId, agencyId, first);
  },

  async agencies(context: RequestContext): Promise<AgencyRow[]> {
    const rows: AgencyRow[] = await context.db.manager.query(
      `SELECT id, municipality_id AS "municipalityId", name, kind, is_public_authority AS "isPublicAuthority", duty_to_report AS "dutyToReport", district_ids AS "districtIds"
         FROM agency WHERE municipality_id = $1 ORDER BY name`,
      [requireScope(context).municipalityId],
    );
    return rows;
  },

  /** A new district starts on the default policy (version 1); `updateDistrictPolicy` changes it. */
  async createDistrict(context: RequestContext, input: CreateDistrictInput): Promise<DistrictRow> {
    const { municipalityId } = requireScope(context);
    const code = input.code.trim().toLowerCase();
    if (!/^[a-z0-9][a-z0-9-]*$/.test(code))
      throw new BadInput(
        'input.code',
        'Use lower-case letters, digits and dashes in the code.',
        'Använd små bokstäver, siffror och bindestreck i koden.',
      );
    try {
      return await write(context, async (uow) => {
        const { manager } = uow;
        const [{ id }] = await manager.query(
          `INSERT INTO district (municipality_id, code, name, policy_version) VALUES ($1, $2, $3, 1) RETURNING id`,
          [municipalityId, code, input.name.trim()],
        );
        await manager.query(`INSERT INTO district_policy (district_id, version, settings, changed_by) VALUES ($1, 1, $2, $3)`, [
          id,
          JSON.stringify(DEFAULT_DISTRICT_POLICY),
          requireScope(context).userId,
        ]);
        audit(uow, AuditAction.CREATE, 'District', id, ['code', 'name', 'policy']);
        return { id, municipalityId, code, name: input.name.trim(), policyVersion: 1 };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict('A district with this code already exists. Choose another code.');
      throw error;
    }
  },

  createAgency(context: RequestContext, input: CreateAgencyInput): Promise<AgencyRow> {
    const { municipalityId } = requireScope(context);
    return write(context, async (uow) => {
      const { manager } = uow;
      const districtIds = await checkDistricts(manager, municipalityId, input.districtIds);
      const dutyToReport = input.dutyToReport ?? input.isPublicAuthority;
      const values = {
        municipalityId,
        name: input.name.trim(),
        kind: input.kind,
        isPublicAuthority: input.isPublicAuthority,
        dutyToReport,
        districtIds,
      };
      const id = await userAccountRepository.insertAgency(manager, values);
      audit(uow, AuditAction.CREATE, 'Agency', id, ['name', 'kind', 'isPublicAuthority', 'dutyToReport', 'districtIds']);
      return { id, ...values };
    });
  },

  setAgencyDistricts(context: RequestContext, input: SetAgencyDistrictsInput): Promise<AgencyRow> {
    const { municipalityId } = requireScope(context);
    return write(context, async (uow) => {
      const { manager } = uow;
      const agency = await agencyOfMunicipality(manager, municipalityId, input.agencyId, 'input.agencyId');
      const districtIds = await checkDistricts(manager, municipalityId, input.districtIds);
      await manager.query(`UPDATE agency SET district_ids = $2 WHERE id = $1`, [agency.id, districtIds]);
      const opened = districtIds.filter((id) => !agency.districtIds.includes(id));
      for (const districtId of opened.length ? opened : [null]) {
        uow.audit({
          action: AuditAction.UPDATE,
          entityType: 'Agency',
          entityId: agency.id,
          childId: null,
          districtId,
          fields: ['districtIds'],
          legalBasis: null,
        });
      }
      context.loaders.agency.clear(agency.id);
      return { ...agency, districtIds };
    });
  },

  /** Reports filed before keep the feedback they asked for; the setting applies to new reports. */
  setAgencyDutyToReport(context: RequestContext, input: SetAgencyDutyToReportInput): Promise<AgencyRow> {
    const { municipalityId } = requireScope(context);
    return write(context, async (uow) => {
      const agency = await agencyOfMunicipality(uow.manager, municipalityId, input.agencyId, 'input.agencyId');
      await uow.manager.query(`UPDATE agency SET duty_to_report = $2 WHERE id = $1`, [agency.id, input.dutyToReport]);
      audit(uow, AuditAction.UPDATE, 'Agency', agency.id, ['dutyToReport']);
      context.loaders.agency.clear(agency.id);
      return { ...agency, dutyToReport: input.dutyToReport };
    });
  },

  createUser(context: RequestContext, input: CreateUserInput): Promise<UserAccountRow> {
    const { municipalityId } = requireScope(context);
    const email = input.email.trim().toLowerCase();
    if (!EMAIL.test(email))
      throw new BadInput(
        'input.email',
        'Give an e-mail address, like namn@kommun.se.',
        'Ange en e-postadress, till exempel namn@kommun.se.',
      );
    return write(context, async (uow) => {
      const { manager } = uow;
      const agency = await agencyOfMunicipality(manager, municipalityId, input.agencyId, 'input.agencyId');
      const roles = [...new Set(input.roles)];
      checkRoles(roles);
      const id = await userAccountRepository.insertUser(manager, {
        agencyId: agency.id,
        email,
        displayName: input.displayName.trim(),
        roles,
      });
      if (!id) {
        throw new Conflict(
          'A user with this e-mail already exists. Change that user instead.',
          'Det finns redan en användare med den här e-postadressen. Ändra den användaren i stället.',
        );
      }
      auditAccess(uow, AuditAction.CREATE, id, ['email', 'displayName', 'roles', 'agency'], agency);
      return {
        id,
        email,
        displayName: input.displayName.trim(),
        roles,
        agencyId: agency.id,
        municipalityId,
        signedIn: false,
        disabledAt: null,
      };
    });
  },

  /**
   * Another agency's case system, registered by the subject its identity provider puts in its client-credentials tokens:
   * a service account bound to one agency that may only submit reports, audited as itself. Revoked with disableUser.
   */
  registerIntakeClient(context: RequestContext, input: RegisterIntakeClientInput): Promise<UserAccountRow> {
    const { municipalityId } = requireScope(context);
    const subject = input.subject.trim();
    const displayName = input.displayName.trim();
    // app_user needs a unique e-mail; a reserved domain (RFC 2606) can never be a person's or receive mail.
    const email = `client+${createHash('sha256').update(subject).digest('hex').slice(0, 24)}@intake-clients.invalid`;
    return write(context, async (uow) => {
      const { manager } = uow;
      const agency = await agencyOfMunicipality(manager, municipalityId, input.agencyId, 'input.agencyId');
      if (![AgencyKind.POLICE, AgencyKind.SCHOOL, AgencyKind.LEISURE].includes(agency.kind)) {
        throw new BadInput(
          'input.agencyId',
          'Only police, school and leisure agencies send reports from their own systems.',
          'Bara polis, skola och fritid skickar anmälningar från egna system.',
        );
      }
      const roles = [Role.INTAKE_CLIENT];
      const id = await userAccountRepository.insertClient(manager, { agencyId: agency.id, email, subject, displayName, roles });
      if (!id) {
        throw new Conflict(
          'A client or user with this subject is already registered.',
          'En klient eller användare med det här subject-värdet är redan registrerad.',
        );
      }
      auditAccess(uow, AuditAction.CREATE, id, ['subject', 'displayName', 'roles', 'agency'], agency);
      return { id, email, displayName, roles, agencyId: agency.id, municipalityId, signedIn: true, disabledAt: null };
    });
  },

  setUserRoles(context: RequestContext, input: SetUserRolesInput): Promise<UserAccountRow> {
    const scope = requireScope(context);
    return write(context, async (uow) => {
      const { manager } = uow;
      const user = await userAccountRepository.lock(manager, scope.municipalityId, input.userId);
      if (!user) throw new NotFound('The user');
      if (user.id === scope.userId)
        throw new Forbidden('You cannot change your own roles or agency; ask another administrator.', 'input.userId');
      const agency = await agencyOfMunicipality(manager, scope.municipalityId, input.agencyId ?? user.agencyId, 'input.agencyId');
      const roles = [...new Set(input.roles)];
      checkRoles(roles);
      await manager.query(`UPDATE app_user SET roles = $2, agency_id = $3 WHERE id = $1`, [user.id, roles, agency.id]);
      auditAccess(uow, AuditAction.UPDATE, user.id, input.agencyId ? ['roles', 'agency'] : ['roles'], agency);
      return { ...user, roles, agencyId: agency.id };
    });
  },

  /** Takes effect on the user's next request: the viewer is loaded from the database every time. */
  setUserDisabled(context: RequestContext, userId: string, disabled: boolean): Promise<UserAccountRow> {
    const scope = requireScope(context);
    return write(context, async (uow) => {
      const { manager } = uow;
      const user = await userAccountRepository.lock(manager, scope.municipalityId, userId);
      if (!user) throw new NotFound('The user');
      if (disabled && user.id === scope.userId)
        throw new BadInput(
          'userId',
          'You cannot disable yourself; ask another administrator.',
          'Du kan inte stänga av dig själv; be en annan administratör.',
        );
      const disabledAt = disabled ? (user.disabledAt ?? context.deps.clock.now()) : null;
      await manager.query(`UPDATE app_user SET disabled_at = $2 WHERE id = $1`, [user.id, disabledAt]);
      audit(uow, AuditAction.UPDATE, 'UserAccount', user.id, ['disabledAt']);
      return { ...user, disabledAt };
    });
  },
};
