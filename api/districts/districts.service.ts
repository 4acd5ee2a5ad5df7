import { DistrictRow, organisationRepository } from '../../db/organisation/organisation.repository';
import { DistrictPolicy, samePolicy } from '../../domain/districts/district-policy';
import { validateDistrictPolicy, withPolicyDefaults } from '../../platform/districts/district-settings';
import { BadInput, NotFound } from '../../domain/errors';
import { UpdateDistrictPolicyInput } from '../../schema/districts/district.inputs';
import { RequestContext, requireScope } from '../context';
import { write } from '../write';

export const districtsService = {
  list(context: RequestContext): Promise<DistrictRow[]> {
    return organisationRepository.districtsOfMunicipality(context.db.manager, requireScope(context).municipalityId);
  },

  /** Writes a new policy version; deadlines already computed keep theirs. */
  async updatePolicy(context: RequestContext, input: UpdateDistrictPolicyInput): Promise<DistrictRow> {
    const scope = requireScope(context);
    const { districtId, ...changes } = input;
    return write(context, async ({ manager }) => {
      const district = await organisationRepository.lockDistrict(manager, districtId, scope.municipalityId);
      if (!district) throw new NotFound('The district');
      const current = await organisationRepository.currentPolicy(manager, district.id);
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      const next: DistrictPolicy = { ...withPolicyDefaults(current!.settings), ...defined } as DistrictPolicy;
      const problems = validateDistrictPolicy(next);
      if (problems.length)
        throw new BadInput(`input.${problems[0].field}`, `${problems[0].field} ${problems[0].message}.`, problems[0].messageSv);
      // Nothing changed: no new version, so deadlines and indicators keep pointing at the one in force.
      if (samePolicy(next, current!.settings)) return district;
      const version = district.policyVersion + 1;
      await organisationRepository.addPolicyVersion(manager, district.id, version, next, scope.userId);
      return { ...district, policyVersion: version };
    });
  },
};
