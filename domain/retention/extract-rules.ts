/** Why a part of a register extract may be secret towards the family: the reviewer decides, nothing is released on its own. */
export enum SecrecyMark {
  /** OSL 26 kap. 5 §: who reported a concern. */
  REPORTER_IDENTITY = 'REPORTER_IDENTITY',
  /** OSL 35 kap.: what the police wrote about a suspicion or a pre-investigation. */
  POLICE_PRE_INVESTIGATION = 'POLICE_PRE_INVESTIGATION',
  /** Other people's data: staff, other participants, other children. */
  OTHER_PERSONS = 'OTHER_PERSONS',
}

export enum ExtractPartDecision {
  PENDING = 'PENDING',
  RELEASED = 'RELEASED',
  WITHHELD = 'WITHHELD',
}

/** A part with no secrecy mark is released when the extract is made; the reason says so in the record. */
export const UNMARKED_RELEASE_REASON = 'Ingen sekretessmarkering: lämnas ut.';

/** The decision a part gets when the extract is made. */
export function initialDecision(marks: readonly SecrecyMark[]): ExtractPartDecision {
  return marks.length ? ExtractPartDecision.PENDING : ExtractPartDecision.RELEASED;
}

/** The extract can be handed out once no part waits for the reviewer. */
export function readyForRelease(parts: readonly { decision: ExtractPartDecision }[]): boolean {
  return parts.every((p) => p.decision !== ExtractPartDecision.PENDING);
}
