import type { Catalogue } from '../i18n/messages';

/** The texts of the organisation pages: `t.admin`, `t.clients`, `t.assign` (handing a report or talk to a colleague). Folded into the catalogue by i18n/messages.ts. */
const sv = {
  admin: {
    usersTitle: 'Användare',
    usersIntro: 'Användare i kommunen. En ny användare kopplas till sitt konto vid första inloggningen med e-postadressen.',
    agenciesTitle: 'Verksamheter',
    agenciesIntro: 'Verksamheter i kommunen och områdena de arbetar i. Användarna ser verksamhetens områden.',
    email: 'E-post',
    name: 'Namn',
    agency: 'Verksamhet',
    roles: 'Roller',
    signedIn: 'Har loggat in',
    disabled: 'Avstängd',
    active: 'Aktiv',
    filterAgency: 'Visa verksamhet',
    allAgencies: 'Alla verksamheter',
    empty: 'Inga användare att visa.',
    createUser: 'Lägg till användare',
    create: 'Lägg till',
    created: (name: string) => `${name} är tillagd.`,
    edit: (name: string) => `Ändra ${name}`,
    saveRoles: 'Spara roller och verksamhet',
    disable: 'Stäng av',
    enable: 'Aktivera',
    disabledSince: (date: string) => `Avstängd sedan ${date}`,
    agencyKinds: { SCHOOL: 'Skola', SOCIAL_SERVICES: 'Socialtjänst', POLICE: 'Polis', LEISURE: 'Fritid', MUNICIPALITY: 'Kommun' } as Record<
      string,
      string
    >,
    kind: 'Typ',
    publicAuthority: 'Offentlig myndighet (en förening ser aldrig uppgifter om brott)',
    isPublic: 'Myndighet',
    dutyToReport: 'Anmälningsplikt (SoL 14:1)',
    dutyToReportFor: (name: string) => `för ${name}`,
    isPrivate: 'Förening',
    districts: 'Områden',
    createAgency: 'Lägg till verksamhet',
    saveDistricts: 'Spara områden',
    editDistricts: (name: string) => `Områden för ${name}`,
    agenciesEmpty: 'Inga verksamheter.',
  },
  clients: {
    title: 'Systemklienter',
    intro:
      'Ärendesystem som skickar anmälningar via API med en OAuth2-token. En klient är bunden till en verksamhet och syns också bland användarna. Se docs/machine-clients.md.',
    empty: 'Inga systemklienter är registrerade.',
    subject: 'Tokenets subject (sub)',
    subjectHint: 'Värdet i tokenets sub-claim, som identitetsleverantören ger klienten.',
    name: 'Systemets namn',
    nameHint: 'Som det syns för administratörer och i loggen, t.ex. "Polisen DurTvå".',
    register: 'Registrera klient',
    registered: (name: string) => `${name} är registrerad.`,
    disable: (name: string) => `Stäng av ${name}`,
  },
  assign: {
    label: 'Tilldela en kollega',
    help: 'Siffrorna visar öppna anmälningar och samtal som var och en ansvarar för i dina områden.',
    option: (name: string, reports: number, talks: number, current: boolean) =>
      `${name} – ${reports} ${reports === 1 ? 'anmälan' : 'anmälningar'}, ${talks} ${talks === 1 ? 'samtal' : 'samtal'}${current ? ' (ansvarig nu)' : ''}`,
    choose: 'Välj vem som ska ta ansvar.',
    loading: 'Hämtar kollegor …',
    submit: 'Tilldela',
    done: (name: string) => `${name} är ansvarig nu.`,
  },
};

const en: typeof sv = {
  admin: {
    usersTitle: 'Users',
    usersIntro: "The municipality's users. A new user is bound to their account at the first sign-in with the e-mail address.",
    agenciesTitle: 'Agencies',
    agenciesIntro: "The municipality's agencies and the districts they work in. Users see their agency's districts.",
    email: 'E-mail',
    name: 'Name',
    agency: 'Agency',
    roles: 'Roles',
    signedIn: 'Has signed in',
    disabled: 'Disabled',
    active: 'Active',
    filterAgency: 'Show agency',
    allAgencies: 'All agencies',
    empty: 'No users to show.',
    createUser: 'Add a user',
    create: 'Add',
    created: (name) => `${name} has been added.`,
    edit: (name) => `Change ${name}`,
    saveRoles: 'Save roles and agency',
    disable: 'Disable',
    enable: 'Enable',
    disabledSince: (date) => `Disabled since ${date}`,
    agencyKinds: {
      SCHOOL: 'School',
      SOCIAL_SERVICES: 'Social services',
      POLICE: 'Police',
      LEISURE: 'Leisure',
      MUNICIPALITY: 'Municipality',
    },
    kind: 'Kind',
    publicAuthority: 'Public authority (an association never sees crime data)',
    isPublic: 'Authority',
    dutyToReport: 'Duty to report (SoL 14:1)',
    dutyToReportFor: (name) => `for ${name}`,
    isPrivate: 'Association',
    districts: 'Districts',
    createAgency: 'Add an agency',
    saveDistricts: 'Save districts',
    editDistricts: (name) => `Districts of ${name}`,
    agenciesEmpty: 'No agencies.',
  },
  clients: {
    title: 'System clients',
    intro:
      'Case systems that send reports by API with an OAuth2 token. A client is bound to one agency and also appears among the users. See docs/machine-clients.md.',
    empty: 'No system clients are registered.',
    subject: "The token's subject (sub)",
    subjectHint: "The value of the token's sub claim, as the identity provider gives the client.",
    name: "The system's name",
    nameHint: 'As administrators and the audit log name it, e.g. "Polisen DurTvå".',
    register: 'Register client',
    registered: (name) => `${name} is registered.`,
    disable: (name) => `Disable ${name}`,
  },
  assign: {
    label: 'Assign to a colleague',
    help: 'The numbers are the open reports and talks each one is responsible for in your districts.',
    option: (name, reports, talks, current) =>
      `${name} – ${reports} ${reports === 1 ? 'report' : 'reports'}, ${talks} ${talks === 1 ? 'talk' : 'talks'}${current ? ' (responsible now)' : ''}`,
    choose: 'Choose who will take responsibility.',
    loading: 'Loading colleagues …',
    submit: 'Assign',
    done: (name) => `${name} is responsible now.`,
  },
};

export const MESSAGES: Catalogue<OrganisationMessages> = { sv, en };

type OrganisationMessages = typeof sv;

declare module '../i18n/messages' {
  interface Messages extends OrganisationMessages {}
}
