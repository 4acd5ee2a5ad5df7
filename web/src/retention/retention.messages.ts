import type { Catalogue } from '../i18n/messages';

/** The texts of the retention pages: `t.retention`. Folded into the catalogue by i18n/messages.ts. */
const sv = {
  retention: {
    link: 'Bevarande och registerutdrag',
    title: (name: string) => `Bevarande och registerutdrag: ${name}`,
    back: 'Tillbaka till barnets sida',
    holdsTitle: 'Bevarandebeslut (legal hold)',
    holdsIntro: 'Uppgifter med ett gällande bevarandebeslut gallras inte förrän beslutet hävs.',
    noHolds: 'Inga gällande bevarandebeslut.',
    holdScope: 'Gäller',
    wholeChild: 'Alla uppgifter om barnet',
    holdReason: 'Skäl',
    holdReasonHint: 'Till exempel ett överklagande, en domstolsprocess eller ett arkivbeslut.',
    placedAt: 'Beslutat',
    placeTitle: 'Besluta om bevarande',
    place: 'Besluta om bevarande',
    placed: 'Bevarandebeslutet är registrerat.',
    liftReason: 'Skäl att häva',
    lift: 'Häv beslutet',
    reasonTooShort: (n: number) => `Skriv minst ${n} tecken.`,
    reasonTooLong: (n: number) => `Skriv högst ${n} tecken.`,
    extractsTitle: 'Registerutdrag',
    extractsIntro:
      'Ett registerutdrag (GDPR art. 15) lämnas ut först när varje markerad del har sekretessprövats och lämnats ut eller hållits inne.',
    requestExtract: 'Begär registerutdrag',
    noExtracts: 'Inga registerutdrag är begärda.',
    extractTitle: (when: string) => `Registerutdrag ${when}`,
    ready: 'Alla delar är prövade. Utdraget kan laddas ner.',
    pending: (n: number) => (n === 1 ? '1 del väntar på sekretessprövning.' : `${n} delar väntar på sekretessprövning.`),
    partsCaption: 'Utdragets delar',
    part: 'Del',
    marks: 'Sekretessmarkering',
    rows: 'Poster',
    decision: 'Beslut',
    decisionReason: 'Skäl till beslutet',
    release: 'Lämna ut',
    withhold: 'Håll inne',
    download: 'Ladda ner utdraget',
    showRecords: 'Visa posterna',
    downloadFailed: 'Utdraget kunde inte hämtas.',
    markNames: {
      REPORTER_IDENTITY: 'Anmälarens identitet (OSL 26:5)',
      POLICE_PRE_INVESTIGATION: 'Förundersökning (OSL 35 kap.)',
      OTHER_PERSONS: 'Andra personers uppgifter',
    },
    decisions: { PENDING: 'Väntar', RELEASED: 'Lämnas ut', WITHHELD: 'Hålls inne' },
  },
};

const en: typeof sv = {
  retention: {
    link: 'Retention and register extracts',
    title: (name) => `Retention and register extracts: ${name}`,
    back: "Back to the child's page",
    holdsTitle: 'Legal holds',
    holdsIntro: 'Records under a legal hold are not erased until the hold is lifted.',
    noHolds: 'No legal holds in force.',
    holdScope: 'Applies to',
    wholeChild: 'All records of the child',
    holdReason: 'Reason',
    holdReasonHint: 'For example an appeal, a court case or an archive decision.',
    placedAt: 'Placed',
    placeTitle: 'Place a legal hold',
    place: 'Place a legal hold',
    placed: 'The legal hold is placed.',
    liftReason: 'Reason to lift',
    lift: 'Lift the hold',
    reasonTooShort: (n) => `Write at least ${n} characters.`,
    reasonTooLong: (n) => `Write at most ${n} characters.`,
    extractsTitle: 'Register extracts',
    extractsIntro:
      'A register extract (GDPR art. 15) is handed out only when every marked part has been reviewed and released or withheld.',
    requestExtract: 'Request a register extract',
    noExtracts: 'No register extracts requested.',
    extractTitle: (when) => `Register extract ${when}`,
    ready: 'Every part is decided. The extract can be downloaded.',
    pending: (n) => (n === 1 ? '1 part waits for the secrecy review.' : `${n} parts wait for the secrecy review.`),
    partsCaption: "The extract's parts",
    part: 'Part',
    marks: 'Secrecy mark',
    rows: 'Records',
    decision: 'Decision',
    decisionReason: 'Reason for the decision',
    release: 'Release',
    withhold: 'Withhold',
    download: 'Download the extract',
    showRecords: 'Show the records',
    downloadFailed: 'The extract could not be fetched.',
    markNames: {
      REPORTER_IDENTITY: "The reporter's identity (OSL 26:5)",
      POLICE_PRE_INVESTIGATION: 'Pre-investigation (OSL ch. 35)',
      OTHER_PERSONS: "Other persons' data",
    },
    decisions: { PENDING: 'Pending', RELEASED: 'Released', WITHHELD: 'Withheld' },
  },
};

export const MESSAGES: Catalogue<RetentionMessages> = { sv, en };

type RetentionMessages = typeof sv;

declare module '../i18n/messages' {
  interface Messages extends RetentionMessages {}
}
