import { EntityManager } from 'typeorm';
import { AgencyKind, Role } from '../../domain/access/roles';
import { luhnCheckDigit } from '../../domain/children/personal-identity-number';
import { childNameKey } from '../../domain/children/child-identity.rules';
import { DistrictPolicy } from '../../domain/districts/district-policy';
import { DEFAULT_DISTRICT_POLICY, DS_2024_30_POLICY } from '../../platform/districts/district-settings';

export const DEMO_MUNICIPALITY = 'Demokommun';

interface DemoDistrict {
  readonly code: 'norr' | 'syd';
  readonly name: string;
  readonly policy: DistrictPolicy;
}

export const DEMO_DISTRICTS: readonly DemoDistrict[] = [
  { code: 'norr', name: 'Norr', policy: DEFAULT_DISTRICT_POLICY },
  { code: 'syd', name: 'Syd', policy: DS_2024_30_POLICY },
];

/** Per district: the agency of each kind and the demo user working there. */
export const DISTRICT_AGENCIES = [
  { key: 'school', kind: AgencyKind.SCHOOL, name: (d: string) => `${d}skolan`, publicAuthority: true, dutyToReport: true },
  {
    key: 'social',
    kind: AgencyKind.SOCIAL_SERVICES,
    name: (d: string) => `Socialtjänsten ${d}`,
    publicAuthority: true,
    dutyToReport: true,
  },
  { key: 'police', kind: AgencyKind.POLICE, name: (d: string) => `Lokalpolisområde ${d}`, publicAuthority: true, dutyToReport: true },
  { key: 'youth', kind: AgencyKind.LEISURE, name: (d: string) => `Fritidsgården ${d}`, publicAuthority: true, dutyToReport: true },
  {
    key: 'association',
    kind: AgencyKind.LEISURE,
    name: (d: string) => `Idrottsföreningen ${d}`,
    publicAuthority: false,
    dutyToReport: false,
  },
] as const;

type AgencyKey = (typeof DISTRICT_AGENCIES)[number]['key'];

export interface DemoUser {
  readonly email: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly agency: AgencyKey | 'municipality';
  readonly district?: DemoDistrict['code'];
}

export const DISTRICT_USERS: readonly { prefix: string; title: string; role: Role; agency: AgencyKey }[] = [
  { prefix: 'larare', title: 'Lärare', role: Role.SCHOOL_STAFF, agency: 'school' },
  { prefix: 'socsek', title: 'Socialsekreterare', role: Role.SOCIAL_WORKER, agency: 'social' },
  { prefix: 'chef', title: 'Enhetschef', role: Role.SOCIAL_SERVICES_SUPERVISOR, agency: 'social' },
  { prefix: 'polis', title: 'Polis', role: Role.POLICE_OFFICER, agency: 'police' },
  { prefix: 'fritid', title: 'Fritidsledare', role: Role.LEISURE_STAFF, agency: 'youth' },
  { prefix: 'forening', title: 'Föreningsledare', role: Role.LEISURE_STAFF, agency: 'association' },
  { prefix: 'sspf', title: 'SSPF-samordnare', role: Role.SSPF_COORDINATOR, agency: 'social' },
  { prefix: 'rektor', title: 'Rektor', role: Role.AGENCY_LEAD, agency: 'school' },
];

export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'admin@samverka.test', displayName: 'Administratör', roles: [Role.ADMIN], agency: 'municipality' },
  { email: 'analytiker@samverka.test', displayName: 'Analytiker', roles: [Role.ANALYST], agency: 'municipality' },
  ...DEMO_DISTRICTS.flatMap((d) =>
    DISTRICT_USERS.map((u) => ({
      email: `${u.prefix}.${d.code}@samverka.test`,
      displayName: `${u.title} ${d.name}`,
      roles: [u.role],
      agency: u.agency,
      district: d.code,
    })),
  ),
];

const GIVEN = ['Alva', 'Elias', 'Maja', 'Noah', 'Ella', 'Hugo', 'Wilma', 'Liam', 'Alice', 'Oscar'];
const FAMILY = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson'];

/** A valid test personnummer for a demo child, deterministic by index. */
export function demoPersonalIdentityNumber(index: number): string {
  const year = 2010 + (index % 7);
  const month = 1 + (index % 12);
  const day = 1 + ((index * 7) % 28);
  const serial = String(100 + index * 3).padStart(3, '0');
  const nine = `${String(year).slice(2)}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${serial}`;
  return `${String(year).slice(0, 2)}${nine}${luhnCheckDigit(nine)}`;
}

export const DEMO_CHILDREN_PER_DISTRICT = 10;

/** Seeds the demo municipality once; a second run changes nothing. */
/** A district the demo way: its policy, the municipality's central agency serving it, and one agency of each kind. */
export async function insertDistrict(
  db: Pick<EntityManager, 'query'>,
  municipalityId: string,
  centralId: string,
  district: { readonly code: string; readonly name: string; readonly policy: DistrictPolicy },
): Promise<{ districtId: string; agencies: Map<AgencyKey, string> }> {
  const [{ id: districtId }] = await db.query(
    `INSERT INTO district (municipality_id, code, name, policy_version) VALUES ($1, $2, $3, 1) RETURNING id`,
    [municipalityId, district.code, district.name],
  );
  await db.query(`INSERT INTO district_policy (district_id, version, settings) VALUES ($1, 1, $2)`, [
    districtId,
    JSON.stringify(district.policy),
  ]);
  await db.query(`UPDATE agency SET district_ids = array_append(district_ids, $1::uuid) WHERE id = $2`, [districtId, centralId]);
  const agencies = new Map<AgencyKey, string>();
  for (const agency of DISTRICT_AGENCIES) {
    const [{ id }] = await db.query(
      `INSERT INTO agency (municipality_id, name, kind, is_public_authority, duty_to_report, district_ids) VALUES ($1, $2, $3, $4, $5, ARRAY[$6::uuid]) RETURNING id`,
      [municipalityId, agency.name(district.name), agency.kind, agency.publicAuthority, agency.dutyToReport, districtId],
    );
    agencies.set(agency.key, id);
  }
  return { districtId, agencies };
}

export async function seedDemo(manager: EntityManager): Promise<{ seeded: boolean }> {
  const existing = await manager.query(`SELECT id FROM municipality WHERE name = $1`, [DEMO_MUNICIPALITY]);
  if (existing.length) return { seeded: false };

  const [{ id: municipalityId }] = await manager.query(`INSERT INTO municipality (name) VALUES ($1) RETURNING id`, [DEMO_MUNICIPALITY]);
  const [{ id: centralId }] = await manager.query(
    `INSERT INTO agency (municipality_id, name, kind, is_public_authority, duty_to_report, district_ids) VALUES ($1, $2, $3, true, true, '{}') RETURNING id`,
    [municipalityId, `${DEMO_MUNICIPALITY} kommunledning`, AgencyKind.MUNICIPALITY],
  );
  const agencyIds = new Map<string, string>([['municipality', centralId]]);
  let childIndex = 0;

  for (const district of DEMO_DISTRICTS) {
    const { districtId, agencies } = await insertDistrict(manager, municipalityId, centralId, district);
    for (const [key, id] of agencies) agencyIds.set(`${district.code}:${key}`, id);

    for (let i = 0; i < DEMO_CHILDREN_PER_DISTRICT; i++, childIndex++) {
      const number = demoPersonalIdentityNumber(childIndex);
      const familyName = FAMILY[childIndex % FAMILY.length];
      const [{ id: childId }] = await manager.query(
        `INSERT INTO child (personal_identity_number, birth_date, given_name, family_name, district_id, school_agency_id, name_key)
         VALUES ($1, to_date($2, 'YYYYMMDD'), $3, $4, $5, $6, $7) RETURNING id`,
        [
          number,
          number.slice(0, 8),
          GIVEN[childIndex % GIVEN.length],
          familyName,
          districtId,
          agencyIds.get(`${district.code}:school`),
          childNameKey(GIVEN[childIndex % GIVEN.length], familyName),
        ],
      );
      await manager.query(
        `INSERT INTO guardian (child_id, name, contact, relation) VALUES ($1, $2, $3, 'förälder'), ($1, $4, NULL, 'förälder')`,
        [childId, `Kim ${familyName}`, `070-000 00 ${String(childIndex).padStart(2, '0')}`, `Robin ${familyName}`],
      );
    }
  }

  for (const user of DEMO_USERS) {
    const agencyId = agencyIds.get(user.district ? `${user.district}:${user.agency}` : user.agency);
    await manager.query(`INSERT INTO app_user (agency_id, email, display_name, roles) VALUES ($1, $2, $3, $4)`, [
      agencyId,
      user.email,
      user.displayName,
      user.roles,
    ]);
  }
  return { seeded: true };
}
