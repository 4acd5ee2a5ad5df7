/**
 * `npm run seed:scale -- --children 100000 --reports 150000`: a deterministic,
 * city-scale dataset in a database of its own (default `samverka_scale`) for
 * `npm run bench`. It rebuilds that database from scratch: migrations, the demo
 * seed (so the demo users exist), two more districts, more agencies and staff,
 * children with valid personnummer, and three years of concern reports with
 * their assessments, feedback, deadlines and deadline steps, and SSPF cases
 * with consents, teams and plan actions for about one youth in a hundred.
 *
 * The same --seed and --until give the same rows, ids included.
 */
import { Client } from 'pg';
import { QueryRunner } from 'typeorm';
import {
  adminUrl,
  checkDatabaseName,
  configuredDatabase,
  databaseUrlFor,
  DEFAULT_SCALE_DATABASE,
  redact,
  SCALE_DATABASE_MARK,
} from '../bench/lib/scale-database';
import { flagsOrExit } from '../bench/lib/args';
import { runMigrations } from '../db/data-source';
import { createAppDataSource } from '../app/runtime';
import { asSystem } from '../db/access/row-scope';
import { DEMO_MUNICIPALITY, DISTRICT_AGENCIES, DISTRICT_USERS, insertDistrict, seedDemo } from '../db/seed/demo-seed';
import { Role } from '../domain/access/roles';
import { luhnCheckDigit } from '../domain/children/personal-identity-number';
import { childNameKey } from '../domain/children/child-identity.rules';
import { DistrictPolicy } from '../domain/districts/district-policy';
import { DEFAULT_DISTRICT_POLICY, DS_2024_30_POLICY } from '../platform/districts/district-settings';

const FLAGS = {
  children: { kind: 'int', default: 100_000, min: 100, help: 'children to create' },
  reports: { kind: 'int', default: 150_000, min: 100, help: 'concern reports over the period' },
  years: { kind: 'int', default: 3, min: 1, help: 'years of reports, ending at --until' },
  until: { kind: 'string', help: 'end of the period, ISO date or time (default: today 00:00 UTC)' },
  seed: { kind: 'int', default: 20241123, help: 'seed of the pseudo-random generator' },
  database: { kind: 'string', default: DEFAULT_SCALE_DATABASE, help: "database to (re)build on DATABASE_URL's server" },
} as const;

const BATCH = 10_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SCHOOLS_PER_DISTRICT = 8;

// ---------------------------------------------------------------- randomness

/** mulberry32: small, fast and the same everywhere. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const hex8 = () => (Math.floor(next() * 0x1_0000_0000) >>> 0).toString(16).padStart(8, '0');
  return {
    next,
    int,
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[int(items.length)],
    between: (min: number, max: number) => min + next() * (max - min),
    /** A version-4 shaped UUID drawn from the generator, so ids repeat run to run. */
    uuid: () => {
      const h = hex8() + hex8() + hex8() + hex8();
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  };
}
type Random = ReturnType<typeof generator>;

// ---------------------------------------------------------------- organisation

interface DistrictSpec {
  readonly code: string;
  readonly name: string;
  readonly policy: DistrictPolicy;
}

/** The demo seed brings Norr and Syd; the city has two more. */
const EXTRA_DISTRICTS: readonly DistrictSpec[] = [
  { code: 'ost', name: 'Öst', policy: DEFAULT_DISTRICT_POLICY },
  { code: 'vast', name: 'Väst', policy: DS_2024_30_POLICY },
];

/** Every district gets the demo seed's agencies and staff. */
const DEMO_STYLE_AGENCIES = DISTRICT_AGENCIES;

const DEMO_STYLE_USERS = DISTRICT_USERS;

const SCHOOL_NAMES = [
  'Ekbacken',
  'Lindgården',
  'Björkhagen',
  'Tallåsen',
  'Rönnen',
  'Aspudden',
  'Granbacka',
  'Almvik',
  'Hasselby',
  'Lönnen',
];
/** Extra staff per district, numbered from 2 (the demo user is number 1): prefix, role, agency, how many. */
const EXTRA_STAFF = [
  { prefix: 'polis', title: 'Polis', role: Role.POLICE_OFFICER, agency: 'police', count: 5 },
  { prefix: 'socsek', title: 'Socialsekreterare', role: Role.SOCIAL_WORKER, agency: 'social', count: 9 },
  { prefix: 'chef', title: 'Enhetschef', role: Role.SOCIAL_SERVICES_SUPERVISOR, agency: 'social', count: 1 },
  { prefix: 'fritid', title: 'Fritidsledare', role: Role.LEISURE_STAFF, agency: 'youth', count: 2 },
] as const;
const TEACHERS_PER_SCHOOL = 3;

interface District {
  readonly id: string;
  readonly code: string;
  readonly schools: string[];
  readonly agencies: Map<string, string>;
  /** user ids by agency id */
  readonly staff: Map<string, string[]>;
  readonly socialWorkers: string[];
}

async function buildOrganisation(q: QueryRunner): Promise<District[]> {
  const [{ id: municipalityId }] = await q.query(`SELECT id FROM municipality WHERE name = $1`, [DEMO_MUNICIPALITY]);
  const [{ id: centralId }] = await q.query(`SELECT id FROM agency WHERE kind = 'MUNICIPALITY' AND municipality_id = $1`, [municipalityId]);

  for (const d of EXTRA_DISTRICTS) {
    const { agencies: ids } = await insertDistrict(q, municipalityId, centralId, d);
    for (const u of DEMO_STYLE_USERS) {
      await q.query(`INSERT INTO app_user (agency_id, email, display_name, roles) VALUES ($1, $2, $3, $4)`, [
        ids.get(u.agency),
        `${u.prefix}.${d.code}@samverka.test`,
        `${u.title} ${d.name}`,
        [u.role],
      ]);
    }
  }

  const districtRows: { id: string; code: string; name: string }[] = await q.query(
    `SELECT id, code, name FROM district WHERE municipality_id = $1 ORDER BY code`,
    [municipalityId],
  );
  const districts: District[] = [];
  for (const row of districtRows) {
    const agencies = new Map<string, string>();
    for (const a of DEMO_STYLE_AGENCIES) {
      const [{ id }] = await q.query(`SELECT id FROM agency WHERE name = $1`, [a.name(row.name)]);
      agencies.set(a.key, id);
    }
    const schools = [agencies.get('school')!];
    for (let s = 1; s < SCHOOLS_PER_DISTRICT; s++) {
      const [{ id }] = await q.query(
        `INSERT INTO agency (municipality_id, name, kind, is_public_authority, duty_to_report, district_ids) VALUES ($1, $2, 'SCHOOL', true, true, ARRAY[$3::uuid]) RETURNING id`,
        [municipalityId, `${SCHOOL_NAMES[s - 1]}skolan ${row.name}`, row.id],
      );
      schools.push(id);
    }
    let teacher = 2;
    for (const schoolId of schools) {
      for (let t = schoolId === schools[0] ? 1 : 0; t < TEACHERS_PER_SCHOOL; t++, teacher++) {
        await q.query(`INSERT INTO app_user (agency_id, email, display_name, roles) VALUES ($1, $2, $3, $4)`, [
          schoolId,
          `larare${teacher}.${row.code}@samverka.test`,
          `Lärare ${teacher} ${row.name}`,
          [Role.SCHOOL_STAFF],
        ]);
      }
    }
    for (const s of EXTRA_STAFF) {
      for (let n = 2; n < 2 + s.count; n++) {
        await q.query(`INSERT INTO app_user (agency_id, email, display_name, roles) VALUES ($1, $2, $3, $4)`, [
          agencies.get(s.agency),
          `${s.prefix}${n}.${row.code}@samverka.test`,
          `${s.title} ${n} ${row.name}`,
          [s.role],
        ]);
      }
    }
    const users: { id: string; agency_id: string; roles: string[] }[] = await q.query(
      `SELECT u.id, u.agency_id, u.roles FROM app_user u JOIN agency a ON a.id = u.agency_id WHERE $1::uuid = ANY(a.district_ids) AND a.kind <> 'MUNICIPALITY' ORDER BY u.email`,
      [row.id],
    );
    const staff = new Map<string, string[]>();
    for (const u of users) {
      // Reports are filed by reporters; SSPF coordinators file none.
      if (u.roles.includes(Role.SSPF_COORDINATOR) || u.roles.includes(Role.SOCIAL_SERVICES_SUPERVISOR)) continue;
      staff.set(u.agency_id, [...(staff.get(u.agency_id) ?? []), u.id]);
    }
    const socialWorkers = users.filter((u) => u.roles.includes(Role.SOCIAL_WORKER)).map((u) => u.id);
    districts.push({ id: row.id, code: row.code, schools, agencies, staff, socialWorkers });
  }
  return districts;
}

// ---------------------------------------------------------------- collaboration

/**
 * SSPF cases for about one child in a hundred aged 12–17 (Hisingen: 167 of
 * 15,800 children in 2023), set-based: a complete consent from the youth and
 * the guardians for the child's school and the youth centre, the district's
 * coordinator, a teacher and a leisure worker on the team, goals and two actions.
 */
async function insertCollaboration(q: QueryRunner, until: Date): Promise<void> {
  const params = [until, until.getUTCFullYear()];
  await q.query(
    `
    WITH picked AS (
      SELECT c.id AS child_id, c.district_id, c.school_agency_id,
             row_number() OVER (ORDER BY c.personal_identity_number) AS n
        FROM child c
       WHERE c.birth_date > ($1::timestamptz - interval '18 years')::date AND c.birth_date <= ($1::timestamptz - interval '12 years')::date
         AND abs(hashtext(c.id::text)) % 100 = 0
    ), roles AS (
      SELECT d.id AS district_id,
             (SELECT u.id FROM app_user u JOIN agency a ON a.id = u.agency_id WHERE d.id = ANY(a.district_ids) AND 'SSPF_COORDINATOR' = ANY(u.roles) ORDER BY u.email LIMIT 1) AS coordinator,
             (SELECT a.id FROM agency a WHERE d.id = ANY(a.district_ids) AND a.kind = 'LEISURE' AND a.is_public_authority ORDER BY a.name LIMIT 1) AS youth_agency,
             (SELECT u.id FROM app_user u JOIN agency a ON a.id = u.agency_id WHERE d.id = ANY(a.district_ids) AND a.kind = 'LEISURE' AND a.is_public_authority ORDER BY u.email LIMIT 1) AS leisure_worker
        FROM district d
    )
    INSERT INTO collaboration_case (reference, child_id, district_id, policy_version, model, source, concern, state, coordinator_user_id,
                                    opened_at, last_activity_at, youth_goals)
    SELECT 'SSPF-' || $2::int || '-' || lpad((900000 + p.n)::text, 6, '0'), p.child_id, p.district_id, 1, 'SSPF', 'COORDINATOR',
           'Oro från skolan och polisen.', 'PLAN_ACTIVE', r.coordinator, $1::timestamptz - (p.n % 300) * interval '1 day',
           $1::timestamptz - (p.n % 20) * interval '1 day', ARRAY['Gå till skolan varje dag', 'Hitta en fritidsaktivitet']
      FROM picked p JOIN roles r ON r.district_id = p.district_id WHERE r.coordinator IS NOT NULL`,
    params,
  );
  await q.query(`
    INSERT INTO collaboration_case_state (case_id, state, at, actor_user_id)
    SELECT cc.id, s.state, cc.opened_at + s.offset_days * interval '1 day', cc.coordinator_user_id
      FROM collaboration_case cc CROSS JOIN (VALUES ('INTAKE', 0), ('MAPPING', 7), ('PLAN_ACTIVE', 21)) AS s(state, offset_days)`);
  await q.query(`
    INSERT INTO consent (case_id, given_by_youth, guardian_ids, complete, form, document_reference, given_at, agency_ids, categories, recorded_by_user_id)
    SELECT cc.id, true, coalesce((SELECT array_agg(g.id ORDER BY g.id) FROM guardian g WHERE g.child_id = cc.child_id), '{}'), true, 'WRITTEN',
           'Samtycke ' || cc.reference, cc.opened_at + interval '7 days',
           array_remove(ARRAY[c.school_agency_id, (SELECT a.id FROM agency a WHERE cc.district_id = ANY(a.district_ids) AND a.kind = 'LEISURE' AND a.is_public_authority ORDER BY a.name LIMIT 1)], NULL),
           ARRAY['BASIC_FACTS', 'SCHOOL', 'LEISURE'], cc.coordinator_user_id
      FROM collaboration_case cc JOIN child c ON c.id = cc.child_id`);
  await q.query(`
    INSERT INTO collaboration_team_member (case_id, user_id, agency_id, role, added_at, added_by_user_id)
    SELECT cc.id, m.user_id, m.agency_id, m.role, cc.opened_at + interval '8 days', cc.coordinator_user_id
      FROM collaboration_case cc JOIN child c ON c.id = cc.child_id
      CROSS JOIN LATERAL (
        (SELECT u.id AS user_id, u.agency_id, 'mentor' AS role FROM app_user u WHERE u.agency_id = c.school_agency_id ORDER BY u.email LIMIT 1)
        UNION ALL
        (SELECT u.id, u.agency_id, 'fritidsledare' FROM app_user u JOIN agency a ON a.id = u.agency_id
          WHERE cc.district_id = ANY(a.district_ids) AND a.kind = 'LEISURE' AND a.is_public_authority ORDER BY u.email LIMIT 1)) m`);
  await q.query(`
    INSERT INTO plan_action (case_id, kind, description, responsible_agency_id, responsible_user_id, due_at, status, created_by_user_id, crime_information)
    SELECT t.case_id, CASE WHEN a.kind = 'SCHOOL' THEN 'SCHOOL_SUPPORT' ELSE 'LEISURE_ACTIVITY' END,
           CASE WHEN a.kind = 'SCHOOL' THEN 'Stöd i skolan för att nå målen' ELSE 'Hitta en fritidsaktivitet tillsammans' END,
           t.agency_id, t.user_id, cc.last_activity_at + interval '30 days',
           CASE WHEN abs(hashtext(t.id::text)) % 3 = 0 THEN 'DONE' ELSE 'IN_PROGRESS' END, cc.coordinator_user_id,
           a.kind = 'POLICE'
      FROM collaboration_team_member t JOIN collaboration_case cc ON cc.id = t.case_id JOIN agency a ON a.id = t.agency_id`);
}

// ---------------------------------------------------------------- children

const GIVEN = [
  'Alva',
  'Elias',
  'Maja',
  'Noah',
  'Ella',
  'Hugo',
  'Wilma',
  'Liam',
  'Alice',
  'Oscar',
  'Saga',
  'William',
  'Olivia',
  'Lucas',
  'Astrid',
  'Adam',
  'Vera',
  'Matteo',
  'Ebba',
  'Nils',
  'Selma',
  'Ali',
  'Leia',
  'Omar',
  'Freja',
  'Leo',
  'Agnes',
  'Theo',
  'Nora',
  'Vincent',
];
const FAMILY = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Pettersson',
  'Jonsson',
  'Jansson',
  'Hansson',
  'Bengtsson',
  'Jönsson',
  'Lindberg',
  'Jakobsson',
  'Magnusson',
  'Lindström',
  'Hassan',
  'Mohammed',
  'Ali',
  'Lindqvist',
  'Lindgren',
  'Berg',
  'Axelsson',
  'Bergström',
  'Lundberg',
  'Lind',
];

/** Birth dates 2007-01-01 … 2020-12-31; serials from 200 up, so the demo children (serials 100–157) never collide. */
const BIRTH_START = Date.UTC(2007, 0, 1);
const BIRTH_DAYS = Math.round((Date.UTC(2021, 0, 1) - BIRTH_START) / DAY);

export function scalePersonalIdentityNumber(index: number): { number: string; birthDate: string } {
  const date = new Date(BIRTH_START + (index % BIRTH_DAYS) * DAY);
  const serial = 200 + Math.floor(index / BIRTH_DAYS);
  if (serial > 999) throw new Error('Too many children for the personnummer scheme (max about 4 million)');
  const y = date.getUTCFullYear();
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(date.getUTCDate()).padStart(2, '0');
  const nine = `${String(y).slice(2)}${mm}${dd}${serial}`;
  return { number: `${String(y).slice(0, 2)}${nine}${luhnCheckDigit(nine)}`, birthDate: `${y}-${mm}-${dd}` };
}

interface Child {
  readonly id: string;
  readonly district: District;
  readonly school: string;
  readonly asReported: string;
}

async function insertChildren(q: QueryRunner, random: Random, districts: District[], count: number): Promise<Child[]> {
  const children: Child[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const cols: unknown[][] = [[], [], [], [], [], [], [], []];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const district = districts[i % districts.length];
      const { number, birthDate } = scalePersonalIdentityNumber(i);
      const given = random.pick(GIVEN);
      const family = random.pick(FAMILY);
      const child: Child = {
        id: random.uuid(),
        district,
        school: random.pick(district.schools),
        asReported: `${given} ${family} (${number})`,
      };
      children.push(child);
      [child.id, number, birthDate, given, family, district.id, child.school, childNameKey(given, family)].forEach((v, c) =>
        cols[c].push(v),
      );
    }
    await q.query(
      `INSERT INTO child (id, personal_identity_number, birth_date, given_name, family_name, district_id, school_agency_id, name_key)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[], $4::text[], $5::text[], $6::uuid[], $7::uuid[], $8::text[])`,
      cols,
    );
  }
  // One or two guardians each, derived from the child so no second pass of the generator is needed.
  await q.query(`INSERT INTO guardian (id, child_id, name, contact, relation)
    SELECT md5(c.id::text || ':g1')::uuid, c.id, 'Kim ' || c.family_name, '070-' || lpad((abs(hashtext(c.id::text)) % 10000000)::text, 7, '0'), 'förälder'
      FROM child c WHERE NOT EXISTS (SELECT 1 FROM guardian g WHERE g.child_id = c.id)`);
  await q.query(`INSERT INTO guardian (id, child_id, name, contact, relation)
    SELECT md5(c.id::text || ':g2')::uuid, c.id, 'Robin ' || c.family_name, NULL, 'förälder'
      FROM child c WHERE abs(hashtext(c.id::text || ':g2')) % 10 < 7
       AND NOT EXISTS (SELECT 1 FROM guardian g WHERE g.child_id = c.id AND g.name LIKE 'Robin %')`);
  return children;
}

// ---------------------------------------------------------------- reports

const POLICE_CATEGORIES = ['SUSPECTED_CRIME', 'SUSPECTED_CRIME', 'CRIMINAL_BEHAVIOUR', 'DRUGS', 'UNSUITABLE_ENVIRONMENT'];
const SCHOOL_CATEGORIES = ['SCHOOL_ABSENCE', 'SCHOOL_ABSENCE', 'UNSUITABLE_ENVIRONMENT', 'OTHER', 'CRIMINAL_BEHAVIOUR', 'DRUGS'];
const LEISURE_CATEGORIES = ['UNSUITABLE_ENVIRONMENT', 'CRIMINAL_BEHAVIOUR', 'DRUGS', 'OTHER'];
const PRIVATE_CATEGORIES = ['UNSUITABLE_ENVIRONMENT', 'OTHER', 'SCHOOL_ABSENCE'];
const OFFENCES = ['Snatteri', 'Misshandel', 'Skadegörelse', 'Rån', 'Narkotikabrott, ringa', 'Olaga hot', 'Stöld'];
const DESCRIPTIONS = [
  'Eleven har varit frånvarande större delen av terminen och vårdnadshavarna nås inte.',
  'Gripen tillsammans med äldre ungdomar efter anmälan om stöld i butik.',
  'Barnet berättar om bråk i hemmet och vill inte gå hem efter skolan.',
  'Har setts i sällskap med personer som misstänks sälja narkotika.',
  'Personal har observerat blåmärken vid flera tillfällen.',
  'Uppgifter om att barnet vistas ute sent på kvällar utan vuxen.',
];
const DECISIONS = [
  'NO_INVESTIGATION',
  'NO_INVESTIGATION',
  'NO_INVESTIGATION',
  'OPEN_INVESTIGATION',
  'OPEN_INVESTIGATION',
  'ALREADY_ONGOING',
];
const FEEDBACK_FOR: Record<string, string> = {
  OPEN_INVESTIGATION: 'INVESTIGATION_OPENED',
  NO_INVESTIGATION: 'INVESTIGATION_NOT_OPENED',
  ALREADY_ONGOING: 'INVESTIGATION_ALREADY_ONGOING',
};

const REPORT_COLUMNS = [
  ['id', 'uuid'],
  ['reference', 'text'],
  ['reporter_kind', 'text'],
  ['channel', 'text'],
  ['reporter_agency_id', 'uuid'],
  ['registered_by_user_id', 'uuid'],
  ['reporter_contact', 'text'],
  ['police_reference', 'text'],
  ['child_id', 'uuid'],
  ['child_as_reported', 'text'],
  ['district_id', 'uuid'],
  ['policy_version', 'int'],
  ['category', 'text'],
  ['description', 'text'],
  ['suspected_offence', 'text'],
  ['offence_can_lead_to_prison', 'boolean'],
  ['first_known_suspicion', 'boolean'],
  ['pre_investigation_running', 'boolean'],
  ['guardian_contact_on_hold', 'boolean'],
  ['feedback_requested', 'boolean'],
  ['received_at', 'timestamptz'],
  ['responsible_user_id', 'uuid'],
  ['protection_assessed_at', 'timestamptz'],
  ['acute_danger', 'boolean'],
  ['protection_note', 'text'],
  ['preliminary_decision', 'text'],
  ['preliminary_decided_at', 'timestamptz'],
  ['late_reason', 'text'],
  ['feedback_value', 'text'],
  ['feedback_given_at', 'timestamptz'],
  ['feedback_unasked', 'boolean'],
  ['created_at', 'timestamptz'],
] as const;
type ReportColumn = (typeof REPORT_COLUMNS)[number][0];

const REPORT_INSERT = `INSERT INTO report (${REPORT_COLUMNS.map(([c]) => c).join(', ')})
  SELECT * FROM unnest(${REPORT_COLUMNS.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ')})`;

function reportRow(random: Random, child: Child, receivedAt: number, sequence: number, until: number): Record<ReportColumn, unknown> {
  const d = child.district;
  const r = random.next();
  const kind = r < 0.35 ? 'POLICE' : r < 0.75 ? 'SCHOOL' : r < 0.85 ? 'LEISURE' : 'PRIVATE_PERSON';
  const agencyId =
    kind === 'POLICE' ? d.agencies.get('police')! : kind === 'SCHOOL' ? child.school : kind === 'LEISURE' ? d.agencies.get('youth')! : null;
  const registeredBy = agencyId ? random.pick(d.staff.get(agencyId)!) : random.pick(d.socialWorkers);
  const police = kind === 'POLICE';
  const category = random.pick(
    police ? POLICE_CATEGORIES : kind === 'SCHOOL' ? SCHOOL_CATEGORIES : kind === 'LEISURE' ? LEISURE_CATEGORIES : PRIVATE_CATEGORIES,
  );
  const feedbackRequested = agencyId ? random.chance(0.75) : random.chance(0.2);
  const year = new Date(receivedAt).getUTCFullYear();

  // Social services' handling, as far as the clock had come by `until`: mostly in time.
  const assessedAt = receivedAt + (random.chance(0.03) ? random.between(25, 40) : random.between(0.5, 22)) * HOUR;
  const assigned = receivedAt + 2 * HOUR <= until && random.chance(0.92);
  const decidedAt = receivedAt + (random.chance(0.04) ? random.between(14.5, 20) : random.between(1, 13.5)) * DAY;
  const protection = assessedAt <= until;
  const decided = protection && decidedAt <= until && decidedAt > assessedAt;
  const decision = decided ? random.pick(DECISIONS) : null;
  const late = decided && decidedAt > receivedAt + 14 * DAY;
  const feedback = decided && feedbackRequested && agencyId !== null;
  return {
    id: random.uuid(),
    reference: `OA-${year}-${String(sequence).padStart(6, '0')}`,
    reporter_kind: kind,
    channel: agencyId ? 'DIGITAL' : random.pick(['PHONE', 'LETTER']),
    reporter_agency_id: agencyId,
    registered_by_user_id: registeredBy,
    reporter_contact: agencyId ? null : `Privatperson, 070-${String(random.int(10_000_000)).padStart(7, '0')}`,
    police_reference: police ? `K-${100_000 + random.int(900_000)}-${String(year).slice(2)}` : null,
    child_id: child.id,
    child_as_reported: child.asReported,
    district_id: d.id,
    policy_version: 1,
    category,
    description: random.pick(DESCRIPTIONS),
    suspected_offence: police && category === 'SUSPECTED_CRIME' ? random.pick(OFFENCES) : null,
    offence_can_lead_to_prison: police ? random.chance(0.4) : null,
    first_known_suspicion: police ? random.chance(0.6) : null,
    pre_investigation_running: police ? random.chance(0.3) : null,
    guardian_contact_on_hold: police && random.chance(0.05),
    feedback_requested: feedbackRequested,
    received_at: new Date(receivedAt),
    responsible_user_id: assigned ? random.pick(d.socialWorkers) : null,
    protection_assessed_at: protection ? new Date(assessedAt) : null,
    acute_danger: protection ? random.chance(0.04) : null,
    protection_note: protection ? 'Inga uppgifter om akut fara vid kontakt med vårdnadshavare.' : null,
    preliminary_decision: decision,
    preliminary_decided_at: decided ? new Date(decidedAt) : null,
    late_reason: late ? 'Barnet och vårdnadshavarna kunde inte nås trots flera försök.' : null,
    feedback_value: feedback ? FEEDBACK_FOR[decision!] : null,
    feedback_given_at: feedback ? new Date(decidedAt) : null,
    feedback_unasked: feedback ? false : null,
    created_at: new Date(receivedAt),
  };
}

async function insertReports(
  q: QueryRunner,
  random: Random,
  children: Child[],
  count: number,
  from: number,
  until: number,
): Promise<number> {
  // Sorted times, so references grow with the date the way the sequence hands them out.
  const times = Array.from({ length: count }, () => from + random.next() * (until - from - HOUR)).sort((a, b) => a - b);
  for (let start = 0; start < count; start += BATCH) {
    const cols: unknown[][] = REPORT_COLUMNS.map(() => []);
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      // Some children are reported again and again: the square skews the pick towards the first ones.
      const child = children[Math.floor(random.next() ** 2 * children.length)];
      const row = reportRow(random, child, times[i], i + 1, until);
      REPORT_COLUMNS.forEach(([c], k) => cols[k].push(row[c]));
    }
    await q.query(REPORT_INSERT, cols);
  }
  await q.query(`SELECT setval('report_reference_seq', $1)`, [count]);
  return count;
}

// ---------------------------------------------------------------- deadlines

/** A deterministic fraction in [0, 1) from a row's id. */
const fraction = (expr: string, salt: string) => `((abs(hashtext(${expr} || '${salt}')) % 100000) / 100000.0)`;
const localPlus = (expr: string, interval: string) =>
  `((((${expr}) AT TIME ZONE 'Europe/Stockholm') + interval '${interval}') AT TIME ZONE 'Europe/Stockholm')`;

/**
 * Deadlines and their four steps (remind_50, remind_80, breach, escalate), as
 * the engine would have left them by `until`: a step fired when its time came
 * before the deadline was met, the rest were closed when it was met; open
 * deadlines are breached and escalated when overdue. Steps still in the future
 * stay pending.
 */
async function insertDeadlines(q: QueryRunner, until: Date): Promise<void> {
  const kinds = [
    {
      kind: 'PROTECTION_ASSESSMENT',
      where: 'TRUE',
      starts: 'r.received_at',
      due: `r.received_at + interval '24 hours'`,
      met: 'r.protection_assessed_at',
    },
    {
      kind: 'PRELIMINARY_ASSESSMENT',
      where: 'TRUE',
      starts: 'r.received_at',
      due: localPlus('r.received_at', '14 days'),
      met: 'r.preliminary_decided_at',
    },
    {
      kind: 'FEEDBACK',
      where: 'r.feedback_requested',
      starts: 'r.received_at',
      due: localPlus('r.received_at', '14 days'),
      met: `CASE WHEN r.reporter_agency_id IS NULL AND r.preliminary_decided_at IS NOT NULL THEN r.preliminary_decided_at ELSE r.feedback_given_at END`,
    },
    {
      kind: 'INVESTIGATION',
      where: `r.preliminary_decision = 'OPEN_INVESTIGATION'`,
      starts: 'r.preliminary_decided_at',
      due: localPlus('r.preliminary_decided_at', '4 months'),
      // Mostly finished in 60–118 days, one in twenty late.
      met: `r.preliminary_decided_at + (CASE WHEN ${fraction('r.id::text', ':late')} < 0.05 THEN 125 + 15 * ${fraction('r.id::text', ':days')} ELSE 60 + 58 * ${fraction('r.id::text', ':days')} END) * interval '1 day'`,
    },
  ];
  for (const k of kinds) {
    await q.query(
      `
      INSERT INTO deadline (id, kind, subject_type, subject_id, subject_reference, district_id, responsible_user_id, policy_version, starts_at, due_at, met_at, breached_at, escalation_level, created_at)
      SELECT md5(r.id::text || ':${k.kind}')::uuid, '${k.kind}', 'REPORT', r.id, r.reference, r.district_id, r.responsible_user_id, r.policy_version, x.starts, x.due,
             CASE WHEN x.met <= $1 THEN x.met END,
             CASE WHEN x.due <= LEAST($1, COALESCE(x.met, 'infinity')) THEN x.due END,
             CASE WHEN x.due <= LEAST($1, COALESCE(x.met, 'infinity')) THEN 1 ELSE 0 END,
             x.starts
        FROM report r CROSS JOIN LATERAL (SELECT ${k.starts} AS starts, ${k.due} AS due, ${k.met} AS met) x
       WHERE ${k.where}`,
      [until],
    );
  }
  await q.query(
    `
    INSERT INTO deadline_step (id, deadline_id, step, fire_at, fired_at, closed_at)
    SELECT md5(d.id::text || ':' || s.step)::uuid, d.id, s.step, f.fire_at,
           CASE WHEN f.fire_at <= LEAST($1, COALESCE(d.met_at, 'infinity')) THEN f.fire_at + (0.2 + 1.5 * ${fraction('d.id::text', "' || s.step || '")}) * interval '1 second' END,
           -- Meeting a deadline closes the steps it had not fired yet.
           CASE WHEN d.met_at IS NOT NULL AND f.fire_at > d.met_at THEN d.met_at END
      FROM deadline d
      CROSS JOIN (VALUES ('remind_50', 0.5), ('remind_80', 0.8), ('breach', 1.0), ('escalate', 1.0)) s(step, share)
      CROSS JOIN LATERAL (SELECT d.starts_at + (d.due_at - d.starts_at) * s.share AS fire_at) f`,
    [until],
  );
}

/**
 * Serious talks for the police reports of a first suspicion at 10 or older in the talk categories, as the talk
 * intake opens them, each with a TALK_HELD clock of 48 h from receipt: held within 1–60 h (four in five), late within
 * 60 h–2 weeks (three in twenty), declined (one in twenty), or still open when they are recent. None stays open for
 * years: a backlog of every late talk since the start made talksDue list 500 talks a week for one district. Their deadline steps come with the report deadlines' steps.
 */
async function insertTalks(q: QueryRunner, until: Date): Promise<void> {
  const fate = fraction('r.id::text', ':talk');
  const late = fraction('r.id::text', ':held');
  const heldAfter = `(CASE WHEN ${fate} < 0.8 THEN 1 + 59 * ${late} ELSE 60 + 276 * ${late} END) * interval '1 hour'`;
  await q.query(`
    INSERT INTO talk_assessment (report_id, district_id, policy_version, eligible, reasons, young_adult, assessed_at, talk_id)
    SELECT r.id, r.district_id, r.policy_version, true, '{}', false, r.received_at, md5(r.id::text || ':talk')::uuid
      FROM report r JOIN child c ON c.id = r.child_id
     WHERE r.reporter_kind = 'POLICE' AND r.first_known_suspicion
       AND r.category IN ('UNSUITABLE_ENVIRONMENT', 'CRIMINAL_BEHAVIOUR', 'SUSPECTED_CRIME')
       AND c.birth_date <= (r.received_at - interval '10 years')::date`);
  await q.query(
    `
    INSERT INTO talk (id, reference, kind, state, origin, child_id, district_id, report_id, policy_version, holder_kind, holder_agency_id,
                      responsible_user_id, learned_at, held_at, held_late, closed_reason, closed_at, scheduled_at, location, created_at)
    SELECT a.talk_id, 'SA-' || extract(year FROM r.received_at) || '-' || lpad((row_number() OVER (ORDER BY r.received_at, r.id))::text, 6, '0'),
           'SERIOUS_TALK', x.state, 'AUTOMATIC', r.child_id, r.district_id, r.id, r.policy_version, 'SOCIAL_SERVICES', ss.id,
           r.responsible_user_id, r.received_at,
           CASE WHEN x.state = 'HELD' THEN r.received_at + ${heldAfter} END,
           CASE WHEN x.state = 'HELD' THEN r.received_at + ${heldAfter} > r.received_at + interval '48 hours' END,
           CASE WHEN x.state = 'DECLINED' THEN 'Familjen tackade nej.' END,
           CASE WHEN x.state = 'DECLINED' THEN r.received_at + interval '1 day' END,
           CASE WHEN x.state IN ('HELD', 'SCHEDULED') THEN r.received_at + ${heldAfter} END,
           CASE WHEN x.state IN ('HELD', 'SCHEDULED') THEN 'Socialkontoret' END,
           r.received_at
      FROM talk_assessment a JOIN report r ON r.id = a.report_id
      JOIN LATERAL (SELECT id FROM agency WHERE kind = 'SOCIAL_SERVICES' AND r.district_id = ANY(district_ids) ORDER BY id LIMIT 1) ss ON true
      CROSS JOIN LATERAL (SELECT CASE
        WHEN ${fate} >= 0.95 THEN 'DECLINED'
        WHEN r.received_at + ${heldAfter} <= $1 THEN 'HELD'
        WHEN ${fate} < 0.5 THEN 'SCHEDULED'
        ELSE 'PROPOSED' END AS state) x`,
    [until],
  );
  await q.query(`SELECT setval('talk_reference_seq', (SELECT count(*) + 1 FROM talk))`);
  await q.query(
    `
    INSERT INTO deadline (id, kind, subject_type, subject_id, subject_reference, district_id, responsible_user_id, policy_version, starts_at, due_at, met_at, breached_at, cancelled_at, escalation_level, created_at)
    SELECT md5(t.id::text || ':TALK_HELD')::uuid, 'TALK_HELD', 'TALK', t.id, t.reference, t.district_id, t.responsible_user_id, t.policy_version,
           t.learned_at, t.learned_at + interval '48 hours', t.held_at,
           CASE WHEN t.learned_at + interval '48 hours' <= LEAST($1, COALESCE(t.held_at, t.closed_at, 'infinity')) THEN t.learned_at + interval '48 hours' END,
           t.closed_at,
           CASE WHEN t.learned_at + interval '48 hours' <= LEAST($1, COALESCE(t.held_at, t.closed_at, 'infinity')) THEN 1 ELSE 0 END,
           t.learned_at
      FROM talk t`,
    [until],
  );
}

/**
 * The effect follow-up needs children reported again after their talk, and more of them where the talk never happened,
 * or it measures noise: a police report of a new suspected crime 2 weeks to 11 months after the first held talk for one
 * child in six, after the first report for two in five of those whose talk was never held. Handled like the others (in
 * time), and counted beyond --reports. Before the deadlines step, so their clocks come with the rest.
 */
async function insertReReports(q: QueryRunner, until: Date): Promise<number> {
  const again = fraction('f.child_id::text', ':again');
  const after = `(0.5 + 10.5 * ${fraction('f.child_id::text', ':after')}) * interval '30 days'`;
  const [{ n }] = await q.query(`SELECT count(*)::int AS n FROM report`);
  const inserted = await q.query(
    `
    WITH first_talk AS (
      SELECT DISTINCT ON (t.child_id) t.child_id, t.report_id, coalesce(t.held_at, t.learned_at) AS at, t.held_at IS NOT NULL AS held
        FROM talk t ORDER BY t.child_id, t.held_at IS NULL, coalesce(t.held_at, t.learned_at)),
    f AS (SELECT f.*, f.at + ${after} AS received FROM first_talk f
           WHERE ${again} < CASE WHEN f.held THEN 1.0 / 6 ELSE 0.4 END AND f.at + ${after} <= $1)
    INSERT INTO report (reference, reporter_kind, channel, reporter_agency_id, registered_by_user_id, police_reference, child_id, child_as_reported,
      district_id, policy_version, category, description, suspected_offence, offence_can_lead_to_prison, first_known_suspicion, pre_investigation_running,
      feedback_requested, received_at, responsible_user_id, protection_assessed_at, acute_danger, preliminary_decision, preliminary_decided_at,
      feedback_value, feedback_given_at, feedback_unasked, created_at)
    SELECT 'OA-' || extract(year FROM f.received) || '-' || lpad(($2 + row_number() OVER (ORDER BY f.received, f.child_id))::text, 6, '0'),
           'POLICE', 'DIGITAL', r.reporter_agency_id, r.registered_by_user_id, 'K-' || (100000 + abs(hashtext(f.child_id::text)) % 900000) || '-' || to_char(f.received, 'YY'),
           f.child_id, r.child_as_reported, r.district_id, r.policy_version, 'SUSPECTED_CRIME', 'Misstänkt för skadegörelse tillsammans med andra.', 'Skadegörelse',
           true, false, false, true, f.received, r.responsible_user_id,
           CASE WHEN f.received + interval '4 hours' <= $1 THEN f.received + interval '4 hours' END,
           CASE WHEN f.received + interval '4 hours' <= $1 THEN false END,
           CASE WHEN f.received + interval '7 days' <= $1 THEN 'NO_INVESTIGATION' END,
           CASE WHEN f.received + interval '7 days' <= $1 THEN f.received + interval '7 days' END,
           CASE WHEN f.received + interval '7 days' <= $1 THEN 'INVESTIGATION_NOT_OPENED' END,
           CASE WHEN f.received + interval '7 days' <= $1 THEN f.received + interval '7 days' END,
           CASE WHEN f.received + interval '7 days' <= $1 THEN false END,
           f.received
      FROM f JOIN report r ON r.id = f.report_id
    RETURNING id`,
    [until, n],
  );
  await q.query(`SELECT setval('report_reference_seq', (SELECT count(*) FROM report))`);
  return inserted.length;
}

/** One CREATE audit row per report, as the API writes them. */
async function insertAudit(q: QueryRunner): Promise<void> {
  await q.query(`
    INSERT INTO audit_event (occurred_at, request_id, actor_user_id, actor_agency_id, actor_roles, action, entity_type, entity_id, child_id, district_id, fields, legal_basis, outcome)
    SELECT r.received_at, 'seed-scale', u.id, u.agency_id, u.roles, 'CREATE', 'Report', r.id::text, r.child_id, r.district_id,
           ARRAY['child', 'category', 'description', 'feedbackRequested'], CASE WHEN r.reporter_agency_id IS NULL THEN 'SAME_AGENCY' ELSE 'REPORTING_DUTY' END, 'ALLOWED'
      FROM report r JOIN app_user u ON u.id = r.registered_by_user_id`);
}

// ---------------------------------------------------------------- main

async function recreateDatabase(name: string): Promise<void> {
  if (name === configuredDatabase()) {
    throw new Error(`Refusing to rebuild "${name}": it is the database DATABASE_URL names. Pick another --database.`);
  }
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    const [existing] = (
      await admin.query(`SELECT shobj_description(oid, 'pg_database') AS mark FROM pg_database WHERE datname = $1`, [name])
    ).rows;
    if (existing) {
      if (!String(existing.mark ?? '').startsWith(SCALE_DATABASE_MARK)) {
        throw new Error(
          `Refusing to drop "${name}": it exists and was not made by seed:scale. Drop it yourself or pick another --database.`,
        );
      }
      await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.query(`COMMENT ON DATABASE "${name}" IS '${SCALE_DATABASE_MARK} (building)'`);
  } finally {
    await admin.end();
  }
}

async function main(): Promise<void> {
  const flags = flagsOrExit('npm run seed:scale --', FLAGS);
  const name = checkDatabaseName(flags.database ?? DEFAULT_SCALE_DATABASE);
  const until = flags.until ? new Date(flags.until) : new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
  if (Number.isNaN(until.getTime())) throw new Error(`--until "${flags.until}" is not a date`);
  const from = Date.UTC(until.getUTCFullYear() - flags.years, until.getUTCMonth(), until.getUTCDate(), until.getUTCHours());
  const url = databaseUrlFor(name);
  const started = Date.now();
  const step = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const t = Date.now();
    process.stdout.write(`  ${label.padEnd(46)}`);
    const result = await work();
    process.stdout.write(`${((Date.now() - t) / 1000).toFixed(1).padStart(6)} s\n`);
    return result;
  };

  process.stdout.write(
    `seed:scale → ${redact(url)}\n  ${flags.children} children, ${flags.reports} reports from ${new Date(from).toISOString()} to ${until.toISOString()}, seed ${flags.seed}\n`,
  );
  await step('drop and create the database', () => recreateDatabase(name));
  const dataSource = createAppDataSource({ url, poolSize: 2, applicationName: 'samverka-seed-scale' });
  await dataSource.initialize();
  try {
    await step('migrations', () => runMigrations(dataSource));
    await step('demo seed (demo users, Norr and Syd)', () => asSystem(dataSource, (m) => seedDemo(m)));
    const q = dataSource.createQueryRunner();
    await q.connect();
    try {
      await q.query(`SET synchronous_commit TO off`);
      const random = generator(flags.seed);
      const districts = await step('districts Öst and Väst, agencies, staff', () => buildOrganisation(q));
      const children = await step(`${flags.children} children and their guardians`, () =>
        insertChildren(q, random, districts, flags.children),
      );
      await step(`${flags.reports} reports with assessments and feedback`, () =>
        insertReports(q, random, children, flags.reports, from, until.getTime()),
      );
      await step('serious talks and their clocks', () => insertTalks(q, until));
      await step('re-reports after talks, held or not', () => insertReReports(q, until));
      await step('deadlines and deadline steps', () => insertDeadlines(q, until));
      await step('audit rows for the reports', () => insertAudit(q));
      await step('collaboration cases, consents, teams, actions', () => insertCollaboration(q, until));
      await step('ANALYZE', () => q.query('ANALYZE'));
      const [counts] = await q.query(`SELECT
        (SELECT count(*) FROM district)::int AS districts, (SELECT count(*) FROM agency)::int AS agencies,
        (SELECT count(*) FROM app_user)::int AS users, (SELECT count(*) FROM child)::int AS children,
        (SELECT count(*) FROM guardian)::int AS guardians, (SELECT count(*) FROM report)::int AS reports,
        (SELECT count(*) FROM report WHERE feedback_given_at IS NOT NULL)::int AS "feedbackGiven",
        (SELECT count(*) FROM deadline)::int AS deadlines, (SELECT count(*) FROM deadline WHERE met_at IS NOT NULL AND met_at <= due_at)::int AS "metInTime",
        (SELECT count(*) FROM deadline_step)::int AS "deadlineSteps", (SELECT count(*) FROM deadline_step WHERE fired_at IS NULL AND closed_at IS NULL)::int AS "pendingSteps",
        (SELECT count(*) FROM audit_event)::int AS "auditEvents", (SELECT count(*) FROM collaboration_case)::int AS "collaborationCases",
        (SELECT count(*) FROM consent)::int AS consents, (SELECT count(*) FROM plan_action)::int AS "planActions"`);
      await q.query(
        `COMMENT ON DATABASE "${name}" IS '${SCALE_DATABASE_MARK} ${JSON.stringify({ ...flags, until: until.toISOString(), builtAt: new Date().toISOString() }).replace(/'/g, "''")}'`,
      );
      process.stdout.write(
        `\n${Object.entries(counts)
          .map(([k, v]) => `  ${k.padEnd(16)} ${v}`)
          .join('\n')}\n`,
      );
      const [talks] = await q.query(`SELECT count(*)::int AS talks, count(*) FILTER (WHERE state = 'HELD')::int AS held FROM talk`);
      process.stdout.write(`  talks            ${talks.talks} (${talks.held} held)\n`);
    } finally {
      await q.release();
    }
  } finally {
    await dataSource.destroy();
  }
  process.stdout.write(`\nseed:scale done in ${((Date.now() - started) / 1000).toFixed(1)} s. Run \`npm run bench\` next.\n`);
}

main().catch((error) => {
  process.stderr.write(`seed:scale failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
