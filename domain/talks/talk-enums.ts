/** The talk kinds the documents name; the kind is recorded, the rules are the same. */
export enum TalkKind {
  /** allvarssamtal */
  SERIOUS_TALK = 'SERIOUS_TALK',
  /** orossamtal */
  CONCERN_TALK = 'CONCERN_TALK',
  /** bekymringssamtal */
  WORRY_TALK = 'WORRY_TALK',
  /** trygghetssamtal */
  SAFETY_TALK = 'SAFETY_TALK',
}

export enum TalkState {
  PROPOSED = 'PROPOSED',
  SUMMONED = 'SUMMONED',
  SCHEDULED = 'SCHEDULED',
  HELD = 'HELD',
  /** Talks are voluntary. */
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
}

/** What in a report starts a talk automatically (a district setting). */
export enum TalkTrigger {
  /** LUL 6 §, Stockholm, DS 2024:30: the child is suspected of a crime for the first time. */
  FIRST_SUSPICION = 'FIRST_SUSPICION',
  /** Gothenburg's former rule: contact within 24 h of the police arresting the young person. */
  ARREST = 'ARREST',
}

/** Who holds the talk: the district's default, changeable per talk. */
export enum TalkHolderKind {
  SOCIAL_SERVICES = 'SOCIAL_SERVICES',
  /** A social worker stationed at the police. */
  SOCIAL_WORKER_AT_POLICE = 'SOCIAL_WORKER_AT_POLICE',
  /** A municipal field or treatment team (Spånga-Tensta's Fältgrupp, Trollhättan's TUTI). */
  FIELD_TEAM = 'FIELD_TEAM',
}

/** The closed list of reasons a talk was held after its deadline. */
export enum TalkDelayReason {
  GUARDIAN_UNAVAILABLE = 'GUARDIAN_UNAVAILABLE',
  INTERPRETER_NEEDED = 'INTERPRETER_NEEDED',
  PRE_INVESTIGATION_RESTRICTION = 'PRE_INVESTIGATION_RESTRICTION',
  POLICE_UNAVAILABLE = 'POLICE_UNAVAILABLE',
  /** Needs a text. */
  OTHER = 'OTHER',
}

export enum TalkOutcome {
  ADVICE_AND_SUPPORT = 'ADVICE_AND_SUPPORT',
  REFERRED_TO_SERVICE = 'REFERRED_TO_SERVICE',
  REFERRED_TO_SSPF = 'REFERRED_TO_SSPF',
  REFERRED_TO_SSFF = 'REFERRED_TO_SSFF',
  CONSENT_TO_SHARE_OBTAINED = 'CONSENT_TO_SHARE_OBTAINED',
  FAMILY_DECLINED = 'FAMILY_DECLINED',
  NO_FURTHER_ACTION = 'NO_FURTHER_ACTION',
}

export enum TalkParticipantRole {
  CHILD = 'CHILD',
  GUARDIAN = 'GUARDIAN',
  SOCIAL_WORKER = 'SOCIAL_WORKER',
  POLICE_OFFICER = 'POLICE_OFFICER',
  /** The SSPF/SSFF coordinator. */
  COORDINATOR = 'COORDINATOR',
  INTERPRETER = 'INTERPRETER',
}

/** Why a report did not open a talk by itself; shown at intake. */
export enum TalkIneligibility {
  TOO_YOUNG = 'TOO_YOUNG',
  TOO_OLD = 'TOO_OLD',
  NOT_A_FIRST_SUSPICION = 'NOT_A_FIRST_SUSPICION',
  NOT_AN_ARREST = 'NOT_AN_ARREST',
  CATEGORY_NOT_SELECTED = 'CATEGORY_NOT_SELECTED',
  /** DS 2024:30 covers crimes that can lead to prison. */
  OFFENCE_CANNOT_LEAD_TO_PRISON = 'OFFENCE_CANNOT_LEAD_TO_PRISON',
  /** The child's age is unknown (no personal identity number). */
  AGE_UNKNOWN = 'AGE_UNKNOWN',
  /** Social services already know of an earlier suspicion or talk: not the first time, whatever the report's flag says. */
  KNOWN_BEFORE = 'KNOWN_BEFORE',
  /** One talk per child at a time: the report is attached to the open talk. */
  TALK_ALREADY_OPEN = 'TALK_ALREADY_OPEN',
}

/** How a talk came to be. */
export enum TalkOrigin {
  AUTOMATIC = 'AUTOMATIC',
  BY_HAND = 'BY_HAND',
  FORUM = 'FORUM',
}

export enum TalkClearanceKind {
  /** LUL 31 §: the police or prosecutor clear contact with the suspect child during a pre-investigation. */
  PRE_INVESTIGATION = 'PRE_INVESTIGATION',
  /** LUL 5 §: the hold on telling the guardians is lifted. */
  GUARDIAN_CONTACT = 'GUARDIAN_CONTACT',
}

/** The closed list of reasons a forum decides against a talk. */
export enum ForumNoReason {
  /** An investigation or a collaboration case already covers the child. */
  ALREADY_IN_CONTACT = 'ALREADY_IN_CONTACT',
  /** Not one of the offences that signal a criminal career. */
  NOT_A_STRATEGIC_OFFENCE = 'NOT_A_STRATEGIC_OFFENCE',
  /** The police dropped or weakened the suspicion. */
  SUSPICION_DROPPED = 'SUSPICION_DROPPED',
  /** Outside the district's age band for talks. */
  OUTSIDE_AGE_BAND = 'OUTSIDE_AGE_BAND',
  /** Needs a text. */
  OTHER = 'OTHER',
}

/** Where a report stands on the way to a talk: what the report page shows. */
export enum TalkStanding {
  /** The report opened a talk, by itself or by a forum's yes. */
  TALK_OPENED = 'TALK_OPENED',
  /** The district's forum decides and has not yet: on an agenda or waiting for the next. */
  AWAITING_FORUM = 'AWAITING_FORUM',
  DECLINED_BY_FORUM = 'DECLINED_BY_FORUM',
  /** The report does not qualify (the reasons say why). */
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  /** Qualified, no forum, yet no talk: it failed to open or was closed by hand. */
  NO_TALK = 'NO_TALK',
}
