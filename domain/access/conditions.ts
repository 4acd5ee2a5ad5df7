import { casesWithConsent, consentedCategoryKeys, consentFor, ViewerScope } from './viewer-scope';

/** What a policy rule may know about the object being read. */
export interface SubjectFacts {
  readonly districtId?: string | null;
  /** The agency that holds the record. */
  readonly agencyId?: string | null;
  /** The agency that filed a report. */
  readonly reporterAgencyId?: string | null;
  /** The member of staff who filed a report. */
  readonly filedByUserId?: string | null;
  /** The user the record belongs to. */
  readonly userId?: string | null;
  readonly municipalityId?: string | null;
  /** The serious talk the object belongs to. */
  readonly talkId?: string | null;
  /** The collaboration (SSPF/SSFF) case the object belongs to. */
  readonly caseId?: string | null;
  /** The object holds criminal-offence data (GDPR art. 10), e.g. a police-related plan action. */
  readonly crimeInformation?: boolean | null;
  /** The consent category (samtyckets omfattning) the object's content falls under. */
  readonly category?: string | null;
  /** What a clock runs on (a report, a talk, a case's action, …): a clock is read like its subject. */
  readonly clockSubject?: string | null;
}

/** The closed set of conditions a grant can carry. */
export type Condition =
  | { readonly kind: 'always' }
  | { readonly kind: 'self' }
  | { readonly kind: 'sameAgency' }
  | { readonly kind: 'sameDistrict' }
  | { readonly kind: 'sameMunicipality' }
  | { readonly kind: 'reporterAgency' }
  /** The viewer filed the report themself: need to know inside the reporting agency. */
  | { readonly kind: 'filedByViewer' }
  | { readonly kind: 'publicAuthorityOnly' }
  /** Crime information only to public authorities: holds for other objects, and for a public-authority viewer. */
  | { readonly kind: 'publicAuthorityForCrimeData' }
  /** The viewer is invited to the object's talk. */
  | { readonly kind: 'invitedToTalk' }
  /** The viewer is on the object's case team and a valid consent covering the viewer's agency includes the category. */
  | { readonly kind: 'teamMemberWithConsent'; readonly category: string }
  /** The viewer is on the object's case team and a valid consent covering the viewer's agency includes the object's own category. */
  | { readonly kind: 'consentCoversCategory' }
  /** The viewer is a current member of the object's case team (consent or not). */
  | { readonly kind: 'onTeam' }
  /** The object is a clock on one of these subjects. */
  | { readonly kind: 'clockOn'; readonly subjects: readonly string[] }
  | { readonly kind: 'and'; readonly all: readonly Condition[] }
  | { readonly kind: 'or'; readonly any: readonly Condition[] };

export const always: Condition = { kind: 'always' };
export const self: Condition = { kind: 'self' };
export const sameAgency: Condition = { kind: 'sameAgency' };
export const sameDistrict: Condition = { kind: 'sameDistrict' };
export const sameMunicipality: Condition = { kind: 'sameMunicipality' };
export const reporterAgency: Condition = { kind: 'reporterAgency' };
export const filedByViewer: Condition = { kind: 'filedByViewer' };
export const publicAuthorityOnly: Condition = { kind: 'publicAuthorityOnly' };
export const publicAuthorityForCrimeData: Condition = { kind: 'publicAuthorityForCrimeData' };
export const invitedToTalk: Condition = { kind: 'invitedToTalk' };
export const teamMemberWithConsent = (category: string): Condition => ({ kind: 'teamMemberWithConsent', category });
export const consentCoversCategory: Condition = { kind: 'consentCoversCategory' };
export const onTeam: Condition = { kind: 'onTeam' };
export const clockOn = (...subjects: string[]): Condition => ({ kind: 'clockOn', subjects });
export const and = (...all: Condition[]): Condition => ({ kind: 'and', all });
export const or = (...any: Condition[]): Condition => ({ kind: 'or', any });

function assertNever(value: never): never {
  throw new Error(`Unknown condition: ${JSON.stringify(value)}`);
}

export function holds(condition: Condition, scope: ViewerScope, facts: SubjectFacts): boolean {
  switch (condition.kind) {
    case 'always':
      return true;
    case 'self':
      return !!facts.userId && facts.userId === scope.userId;
    case 'sameAgency':
      return !!facts.agencyId && facts.agencyId === scope.agencyId;
    case 'sameDistrict':
      return !!facts.districtId && scope.districtIds.has(facts.districtId);
    case 'sameMunicipality':
      return !!facts.municipalityId && facts.municipalityId === scope.municipalityId;
    case 'reporterAgency':
      return !!facts.reporterAgencyId && facts.reporterAgencyId === scope.agencyId;
    case 'filedByViewer':
      return !!facts.filedByUserId && facts.filedByUserId === scope.userId;
    case 'publicAuthorityOnly':
      return scope.isPublicAuthority;
    case 'publicAuthorityForCrimeData':
      return scope.isPublicAuthority || facts.crimeInformation === false;
    case 'invitedToTalk':
      return !!facts.talkId && scope.relations.invitedTalkIds.has(facts.talkId);
    case 'teamMemberWithConsent':
      return consentFor(scope, facts.caseId, condition.category) !== null;
    case 'consentCoversCategory':
      return !!facts.category && consentFor(scope, facts.caseId, facts.category) !== null;
    case 'onTeam':
      return !!facts.caseId && scope.relations.teamCaseIds.has(facts.caseId);
    case 'clockOn':
      return !!facts.clockSubject && condition.subjects.includes(facts.clockSubject);
    case 'and':
      return condition.all.every((c) => holds(c, scope, facts));
    case 'or':
      return condition.any.some((c) => holds(c, scope, facts));
    default:
      return assertNever(condition);
  }
}

/** SQL columns (already qualified with their alias) that carry each fact for a table. */
export type FactColumns = { readonly [K in keyof SubjectFacts]?: string };

export interface SqlFragment {
  readonly sql: string;
  readonly params: unknown[];
}

/**
 * Compiles a condition to a SQL predicate over the given columns, with
 * positional parameters starting after `params.length`. Facts the table does
 * not carry compile to FALSE, so a missing mapping denies rather than leaks.
 */
export function conditionToSql(condition: Condition, scope: ViewerScope, columns: FactColumns, params: unknown[]): string {
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const column = (fact: keyof SubjectFacts) => columns[fact];
  switch (condition.kind) {
    case 'always':
      return 'TRUE';
    case 'self':
      return column('userId') ? `${column('userId')} = ${bind(scope.userId)}` : 'FALSE';
    case 'sameAgency':
      return column('agencyId') ? `${column('agencyId')} = ${bind(scope.agencyId)}` : 'FALSE';
    case 'sameDistrict':
      return column('districtId') ? `${column('districtId')} = ANY(${bind([...scope.districtIds])}::uuid[])` : 'FALSE';
    case 'sameMunicipality':
      return column('municipalityId') ? `${column('municipalityId')} = ${bind(scope.municipalityId)}` : 'FALSE';
    case 'reporterAgency':
      return column('reporterAgencyId') ? `${column('reporterAgencyId')} = ${bind(scope.agencyId)}` : 'FALSE';
    case 'filedByViewer':
      return column('filedByUserId') ? `${column('filedByUserId')} = ${bind(scope.userId)}` : 'FALSE';
    case 'publicAuthorityOnly':
      return scope.isPublicAuthority ? 'TRUE' : 'FALSE';
    // A table that does not say whether a row holds crime data is treated as if every row did.
    case 'publicAuthorityForCrimeData':
      return scope.isPublicAuthority ? 'TRUE' : column('crimeInformation') ? `(${column('crimeInformation')}) IS FALSE` : 'FALSE';
    // Relations compile to the ids in the request's scope, so a list and a field check read the same snapshot.
    case 'invitedToTalk':
      return column('talkId') ? `${column('talkId')} = ANY(${bind([...scope.relations.invitedTalkIds])}::uuid[])` : 'FALSE';
    case 'teamMemberWithConsent':
      return column('caseId') ? `${column('caseId')} = ANY(${bind(casesWithConsent(scope, condition.category))}::uuid[])` : 'FALSE';
    case 'consentCoversCategory':
      return column('caseId') && column('category')
        ? `(${column('caseId')}::text || '|' || ${column('category')}) = ANY(${bind(consentedCategoryKeys(scope))}::text[])`
        : 'FALSE';
    case 'onTeam':
      return column('caseId') ? `${column('caseId')} = ANY(${bind([...scope.relations.teamCaseIds])}::uuid[])` : 'FALSE';
    case 'clockOn':
      return column('clockSubject') ? `${column('clockSubject')} = ANY(${bind([...condition.subjects])}::text[])` : 'FALSE';
    // Empty lists compile like `holds` reads them (every of nothing is true, some of nothing false), not to "()".
    case 'and':
      return condition.all.length ? `(${condition.all.map((c) => conditionToSql(c, scope, columns, params)).join(' AND ')})` : 'TRUE';
    case 'or':
      return condition.any.length ? `(${condition.any.map((c) => conditionToSql(c, scope, columns, params)).join(' OR ')})` : 'FALSE';
    default:
      return assertNever(condition);
  }
}

/**
 * The consent a holding condition rests on, for the audit row: the first
 * `teamMemberWithConsent` that holds (in an `or`, the branch that holds first).
 */
export function consentUsed(condition: Condition, scope: ViewerScope, facts: SubjectFacts): string | null {
  switch (condition.kind) {
    case 'teamMemberWithConsent':
      return consentFor(scope, facts.caseId, condition.category)?.consentId ?? null;
    case 'consentCoversCategory':
      return facts.category ? (consentFor(scope, facts.caseId, facts.category)?.consentId ?? null) : null;
    case 'and':
      for (const c of condition.all) {
        const id = consentUsed(c, scope, facts);
        if (id) return id;
      }
      return null;
    case 'or':
      for (const c of condition.any) {
        if (holds(c, scope, facts)) return consentUsed(c, scope, facts);
      }
      return null;
    default:
      return null;
  }
}

export function describeCondition(condition: Condition): string {
  switch (condition.kind) {
    case 'teamMemberWithConsent':
      return `teamMemberWithConsent(${condition.category})`;
    case 'consentCoversCategory':
      return "teamMemberWithConsent(the object's category)";
    case 'clockOn':
      return `clockOn(${condition.subjects.join(', ')})`;
    case 'and':
      return condition.all.map(describeCondition).join(' and ');
    case 'or':
      return `(${condition.any.map(describeCondition).join(' or ')})`;
    default:
      return condition.kind;
  }
}
