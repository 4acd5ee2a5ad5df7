import { describeCondition } from '../../domain/access/conditions';
import { Grant } from '../../domain/access/policy';
import { CASE_PART_CATEGORIES } from '../../domain/access/grants/collaboration.grants';
import { OPERATION_POLICIES, TYPE_POLICIES } from './policy-table';

const basisText = (g: Grant) => (g.basis ? ` — ${g.basis}` : '');
const grantText = (g: Grant) => `${g.roles.join(', ')} when ${describeCondition(g.when)}${basisText(g)}`;
const grantsText = (grants: readonly Grant[]) => (grants.length ? grants.map(grantText).join('<br>') : '**nobody**');

/** Renders the policy table for a data protection officer; `docs/access-matrix.md` is this text. */
export function renderAccessMatrix(): string {
  const lines = [
    '# Access matrix',
    '',
    'Generated from `api/access/policy-table.ts` by `npm run access-matrix`. Do not edit: a test fails when this file is stale.',
    '',
    'Everything not listed is denied. A row lists who may read, under which condition, and the legal basis the data is disclosed under',
    '(`SAME_AGENCY`: no disclosure; `REPORTING_DUTY`: OSL 10 kap. 28 §; `CONSENT`; `SOCIAL_SERVICES_TO_POLICE_UNDER_21`: OSL 10 kap. 18 a §;',
    '`NECESSARY_DISCLOSURE`: OSL 10 kap. 2 §). Reads of personal types are written to the audit log, allowed or denied.',
    '',
    'Conditions: `sameDistrict` — the object\'s district is one the viewer\'s agency serves; `sameAgency` — the viewer\'s agency holds it;',
    '`reporterAgency` — the viewer\'s agency filed the report; `self` — it is the viewer\'s own; `sameMunicipality`; `publicAuthorityOnly`;',
    '`invitedToTalk` — the viewer is invited to the talk; `teamMemberWithConsent(category)` — the viewer is on the case team and a valid',
    'consent covering the viewer\'s agency includes the category (the audit row names the consent); `teamMemberWithConsent(the object\'s category)`',
    '— the same, for the category the object\'s content falls under (below); `onTeam` — the viewer is a current member of the case team;',
    '`publicAuthorityForCrimeData` — the object holds no criminal-offence data (GDPR art. 10), or the viewer\'s agency is a public authority.',
    '',
    '## Consent categories of a collaboration case',
    '',
    'A partner reads a part of a case only when the valid consent covering their agency names the part\'s category (legal basis `CONSENT`).',
    'What no category covers (the concern, the team, the consents, the history, meeting minutes) never reaches a partner.',
    '',
    '| part | category |',
    '| --- | --- |',
    ...Object.entries(CASE_PART_CATEGORIES).map(([part, category]) => `| ${part} | ${category} |`),
    '',
    '## Operations',
    '',
    '| operation | roles |',
    '| --- | --- |',
  ];
  for (const root of ['Query', 'Mutation'] as const) {
    for (const [name, roles] of Object.entries(OPERATION_POLICIES[root]).sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`| ${root}.${name} | ${roles.join(', ')} |`);
    }
  }
  for (const policy of [...TYPE_POLICIES.values()].sort((a, b) => a.type.localeCompare(b.type))) {
    lines.push('', `## ${policy.type}${policy.personal ? ' (personal data, audited)' : ''}`, '', `Who may load it at all: ${grantsText(policy.rows)}`, '', '| field | who may read |', '| --- | --- |');
    for (const [field, grants] of Object.entries(policy.fields)) lines.push(`| ${field} | ${grantsText(grants)} |`);
  }
  return `${lines.join('\n')}\n`;
}
