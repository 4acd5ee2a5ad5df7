import type { AgencyKind, Role } from '../access/roles';
import { DistrictPolicy } from '../districts/district-policy';

/**
 * Every clock the product keeps is declared by the module that starts it, in `domain/<m>/<m>.clocks.ts` as
 * `<M>_CLOCKS` (its kinds with their rules, the subjects they run on), and that file adds its names to these two
 * interfaces (`declare module '../deadlines/deadline-kinds'`), so `DeadlineKind` is the union of every module's kinds
 * and a kind without a rule does not compile. The server finds the files in `platform/deadlines/deadline-clocks.ts`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by each module's clocks file
export interface DeadlineKindRules {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by each module's clocks file
export interface DeadlineSubjectRules {}

/** A clock's name, stored on the deadline row and shown in the API: `'TALK_HELD'`. */
export type DeadlineKind = keyof DeadlineKindRules & string;
/** What a clock runs on: `'REPORT'`, `'TALK'`, … */
export type DeadlineSubject = keyof DeadlineSubjectRules & string;

/**
 * Where a clock's due time comes from: the district policy (which may say
 * "no clock" by returning null, e.g. a forum decides), or the caller (a
 * forum's target date, an action's due date, a consent's end).
 */
export type DueRule =
  { readonly from: 'policy'; readonly at: (policy: DistrictPolicy, startsAt: Date) => Date | null } | { readonly from: 'caller' };

/** What a staff message about a step of the clock says, from the facts it may name (never the child). */
export interface StepFacts {
  readonly step: string;
  readonly reference: string;
  /** "ärende OA-2026-000042": the subject's noun and reference. */
  readonly where: string;
  /** The due time, formatted for the district. */
  readonly due: string;
}

export interface KindRule {
  /** Swedish label used in messages to staff. */
  readonly label: string;
  readonly due: DueRule;
  /** Escalate to the subject's escalation role when breached. */
  readonly escalates: boolean;
  /** A notice clock: one `notice` step this many hours before the due time (the event), no reminders and no breach. */
  readonly noticeHoursBefore?: (policy: DistrictPolicy) => number;
  /** False for an alert that only the breach carries (a stale case); default: the policy's reminders. */
  readonly reminders?: boolean;
  /** The clock's own text for a step, where the general reminder, breach and escalation texts do not fit; null: those. */
  readonly message?: (facts: StepFacts) => { readonly title: string; readonly body: string } | null;
}

/** How staff messages name a subject, and who hears about it when nobody is responsible or a breach escalates. */
export interface SubjectRule {
  /** Swedish noun before the reference: "i ärende OA-2026-000042". */
  readonly noun: string;
  /** The users of this role in the district's agencies of this kind. */
  readonly escalateTo: { readonly agencyKind: AgencyKind; readonly role: Role };
}

/** A kind's rule with its name, as the folded table holds it. */
export interface Clock extends KindRule {
  readonly kind: DeadlineKind;
}

export const fromPolicy = (at: (policy: DistrictPolicy, startsAt: Date) => Date | null): DueRule => ({ from: 'policy', at });
export const fromCaller: DueRule = { from: 'caller' };

/** What a module's `<M>_CLOCKS` declares. */
export interface ModuleClocks {
  readonly kinds?: Readonly<Record<string, KindRule>>;
  readonly subjects?: Readonly<Record<string, SubjectRule>>;
}

export interface ClockTables {
  readonly kinds: { readonly [K in DeadlineKind]: Clock };
  readonly subjects: { readonly [S in DeadlineSubject]: SubjectRule };
}

/**
 * Puts the modules' clocks together: `<M>_CLOCKS` of each `…/<m>/<m>.clocks.ts`, in the order of the files' paths. A
 * file without it, or a kind or subject declared by two modules, stops start-up naming the files.
 */
export function foldClocks(files: Readonly<Record<string, Readonly<Record<string, unknown>>>>): ClockTables {
  const kinds: Record<string, Clock> = {};
  const subjects: Record<string, SubjectRule> = {};
  const owner = new Map<string, string>();
  const claim = (what: string, name: string, file: string) => {
    const first = owner.get(`${what} ${name}`);
    if (first) throw new Error(`Deadline ${what} ${name} is declared by ${first} and ${file}: keep one`);
    owner.set(`${what} ${name}`, file);
  };
  for (const file of Object.keys(files).sort()) {
    const module = /([^/\\]+)[/\\]\1\.clocks\.[jt]s$/.exec(file)?.[1];
    if (!module) throw new Error(`${file}: a module's clocks live in domain/<module>/<module>.clocks.ts`);
    const name = `${module.toUpperCase()}_CLOCKS`;
    const declared = files[file][name] as ModuleClocks | undefined;
    if (!declared || typeof declared !== 'object') throw new Error(`${file} does not export ${name}`);
    for (const [kind, rule] of Object.entries(declared.kinds ?? {})) {
      claim('kind', kind, file);
      kinds[kind] = Object.freeze({ ...rule, kind: kind as DeadlineKind });
    }
    for (const [subject, rule] of Object.entries(declared.subjects ?? {})) {
      claim('subject', subject, file);
      subjects[subject] = rule;
    }
  }
  return Object.freeze({ kinds: Object.freeze(kinds), subjects: Object.freeze(subjects) }) as ClockTables;
}

/**
 * The due time of a clock, or null when the policy sets none (then no clock
 * starts). A due time from the caller wins; a kind whose due time comes from
 * the caller must be given one.
 */
export function resolveDueAt(clock: Clock, policy: DistrictPolicy, startsAt: Date, callerDueAt?: Date | null): Date | null {
  if (callerDueAt) return callerDueAt;
  if (clock.due.from === 'caller') throw new Error(`A ${clock.kind} clock needs its due time from the caller`);
  return clock.due.at(policy, startsAt);
}

/** The policy's due time for a kind that always has one (the report clocks). */
export function computeDueAt(clock: Clock, policy: DistrictPolicy, startsAt: Date): Date {
  const dueAt = resolveDueAt(clock, policy, startsAt);
  if (!dueAt) throw new Error(`The policy sets no ${clock.kind} clock`);
  return dueAt;
}
