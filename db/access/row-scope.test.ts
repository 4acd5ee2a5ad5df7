import { viewerScopeStatement } from './row-scope';

const NORR = '0b6f3c8e-6f0a-4c2e-9a47-1c1f2d3e4f50';
const AGENCY = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';

describe('viewerScopeStatement', () => {
  it("writes the viewer's districts and agency as literals and clears the system scope", () => {
    expect(viewerScopeStatement({ districtIds: [NORR], agencyId: AGENCY })).toBe(
      `SELECT set_config('samverka.scope', '', true), set_config('samverka.district_ids', '{${NORR}}', true), set_config('samverka.agency_id', '${AGENCY}', true)`,
    );
  });

  it('without a viewer sets empty values: the policies then show no rows', () => {
    expect(viewerScopeStatement(null)).toContain(`set_config('samverka.district_ids', '', true)`);
  });

  it('refuses anything but a uuid, so nothing can be spliced into the statement', () => {
    expect(() => viewerScopeStatement({ districtIds: [`${NORR}', true); SELECT 1; --`], agencyId: null })).toThrow('not a uuid');
    expect(() => viewerScopeStatement({ districtIds: [], agencyId: "x' OR true" })).toThrow('not a uuid');
  });
});
