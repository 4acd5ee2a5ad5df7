import type { Catalogue } from '../i18n/messages';

/** The texts of the children pages: `t.child`. Folded into the catalogue by i18n/messages.ts. */
const sv = {
  child: {
    facts: 'Uppgifter om barnet',
    personalIdentityNumber: 'Personnummer',
    age: 'Ålder',
    district: 'Område',
    school: 'Skola',
    guardians: 'Vårdnadshavare',
    unknown: 'Okänt',
    clocks: 'Tidsfrister som löper',
    noClocks: 'Inga tidsfrister löper.',
    reports: 'Anmälningar',
    noReports: 'Inga anmälningar som du kan se.',
    received: (date: string) => `inkom ${date}`,
    talks: 'Samtal',
    cases: 'Samverkansärenden',
    noCases: 'Inga samverkansärenden.',
    casesHint: 'Samverkanskoordinatorn har ärendet; kontakta koordinatorn för planen.',
    open: 'Barnets sida',
  },
};

const en: typeof sv = {
  child: {
    facts: 'About the child',
    personalIdentityNumber: 'Personal identity number',
    age: 'Age',
    district: 'District',
    school: 'School',
    guardians: 'Guardians',
    unknown: 'Unknown',
    clocks: 'Deadlines running',
    noClocks: 'No deadlines are running.',
    reports: 'Reports',
    noReports: 'No reports you can see.',
    received: (date) => `received ${date}`,
    talks: 'Talks',
    cases: 'Collaboration cases',
    noCases: 'No collaboration cases.',
    casesHint: 'The SSPF coordinator holds the case; ask the coordinator about the plan.',
    open: "The child's page",
  },
};

export const MESSAGES: Catalogue<ChildrenMessages> = { sv, en };

type ChildrenMessages = typeof sv;

declare module '../i18n/messages' {
  interface Messages extends ChildrenMessages {}
}
