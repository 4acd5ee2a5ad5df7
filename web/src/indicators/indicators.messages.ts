import type { Catalogue } from '../i18n/messages';

/** The texts of the indicators pages: `t.indicators`, `t.talkFigures`. Folded into the catalogue by i18n/messages.ts. */
const sv = {
  indicators: {
    title: 'Indikatorer',
    intro:
      'Samma definition för varje område. En månad med 1–4 barn visas inte, och inte heller kvartal, år eller summor som innehåller den.',
    period: 'Period',
    show: 'Visa',
    download: 'Ladda ned CSV',
    downloading: 'Laddar ned …',
    definition: 'Definition',
    suppressed: 'för få barn',
    empty: 'Inga anmälningar under perioden.',
    units: { MONTH: 'Månad', QUARTER: 'Kvartal', YEAR: 'År' } as Record<string, string>,
    quarter: (quarter: number, year: number) => `Kvartal ${quarter} ${year}`,
    pending: (district: string, n: number) => `${district}: ${n} inom tidsgränsen räknas inte än.`,
    periodHelp: 'Hela kalendermånader, kvartal eller år i områdets tidszon.',
    chartLabel: (name: string) => `Diagram: ${name} över tid per område`,
    windowOpen: 'uppföljningen pågår',
    compliance: {
      title: 'Efterlevnad: lagens frister och återkoppling',
      intro:
        'För nämnden och IVO: varje frist som förföll under månaden, i tid eller sent med registrerat skäl. Sena ärenden visas med referens, aldrig namn.',
      district: 'Område',
      month: 'Månad',
      clock: 'Frist',
      fellDue: 'Förföll',
      met: 'I tid',
      late: 'Sent',
      shareMet: 'Andel i tid',
      lateItems: 'Sena ärenden',
      noReason: 'inget skäl registrerat',
      download: 'Ladda ned efterlevnad (CSV)',
    },
    print: 'Skriv ut',
  },
  talkFigures: {
    title: 'Allvarssamtal: hur många, hur snabbt, vilken effekt',
    intro:
      'För nämnden: allvarssamtalen per område och period, med samma definitioner för alla områden. Ett värde byggt på 1–4 barn visas inte, och inte heller en period eller summa som innehåller det.',
    summaryTitle: (period: string) => `I korthet: ${period}`,
    summaryCaption: (period: string) => `Allvarssamtal per område, ${period}`,
    district: 'Område',
    held: 'Hållna samtal',
    withinDeadline: 'Inom områdets frist',
    medianHours: 'Median, timmar från anmälan till samtal',
    declined: 'Avböjda eller inställda',
    howManyTitle: 'Hur många',
    howManyIntro: 'Antal hållna samtal under perioden, i det område som höll dem, och andelen som familjen avböjde eller som ställdes in.',
    howFastTitle: 'Hur snabbt',
    howFastIntro:
      'Andelen samtal som hölls senast vid den frist som gällde i området när anmälan kom in, och mediantiden från att anmälan kom in till att samtalet hölls.',
    effectTitle: 'Vilken effekt',
    effectIntro: (months: number) =>
      `Andelen barn som fick en ny anmälan om misstänkt brott inom ${months} månader efter sitt första samtal, bredvid samma andel för barn vars samtal aldrig blev av (avböjt, inställt eller inte nått). Visas först när ${months} månader har gått efter periodens slut.`,
    effectWindow: (months: number) => `Ny anmälan inom ${months} månader`,
    caution:
      'Detta är en jämförelse, inte ett bevis för att samtalet orsakade skillnaden: barn som fick samtal kan skilja sig från dem som inte fick det på sätt som siffrorna inte visar, till exempel i hur allvarlig den första händelsen var eller om familjen ville delta.',
    withTalk: 'Med samtal',
    withoutTalk: 'Utan samtal (jämförelse)',
    comparisonChartLabel: (months: number) =>
      `Diagram: ny anmälan inom ${months} månader, barn med samtal jämfört med barn utan samtal, per område och period`,
    tableCaption: (name: string) => `${name}, per område och period`,
    definitions: 'Definitioner',
    allIndicators: 'Alla indikatorer',
  },
};

const en: typeof sv = {
  indicators: {
    title: 'Indicators',
    intro: 'One definition for every district. A month with 1–4 children is not shown, nor any quarter, year or total that contains it.',
    period: 'Period',
    show: 'Show',
    download: 'Download CSV',
    downloading: 'Downloading …',
    definition: 'Definition',
    suppressed: 'too few children',
    empty: 'No reports in the period.',
    units: { MONTH: 'Month', QUARTER: 'Quarter', YEAR: 'Year' },
    quarter: (quarter, year) => `Q${quarter} ${year}`,
    pending: (district, n) => `${district}: ${n} within the limit, not counted yet.`,
    periodHelp: "Whole calendar months, quarters or years in the district's time zone.",
    chartLabel: (name) => `Chart: ${name} over time per district`,
    windowOpen: 'follow-up still running',
    compliance: {
      title: 'Compliance: the legal clocks and feedback',
      intro:
        'For the committee and IVO: every clock that fell due in the month, met or late with its recorded reason. Late ones by reference, never by name.',
      district: 'District',
      month: 'Month',
      clock: 'Clock',
      fellDue: 'Fell due',
      met: 'Met',
      late: 'Late',
      shareMet: 'Share met',
      lateItems: 'Late items',
      noReason: 'no reason recorded',
      download: 'Download compliance (CSV)',
    },
    print: 'Print',
  },
  talkFigures: {
    title: 'Serious talks: how many, how fast, with what effect',
    intro:
      'For the committee: the serious talks per district and period, with one definition for every district. A figure built from 1–4 children is not shown, nor any period or total that contains it.',
    summaryTitle: (period) => `In brief: ${period}`,
    summaryCaption: (period) => `Serious talks per district, ${period}`,
    district: 'District',
    held: 'Talks held',
    withinDeadline: "Within the district's deadline",
    medianHours: 'Median hours from report to talk',
    declined: 'Declined or cancelled',
    howManyTitle: 'How many',
    howManyIntro: 'Talks held in the period, in the district that held them, and the share the family declined or that were cancelled.',
    howFastTitle: 'How fast',
    howFastIntro:
      'The share of talks held by the deadline in force in the district when the report came in, and the median time from the report reaching social services to the talk.',
    effectTitle: 'With what effect',
    effectIntro: (months) =>
      `The share of children who got a new report of a suspected crime within ${months} months after their first talk, beside the same share for children whose talk never happened (declined, cancelled or not reached). Shown once ${months} months have passed after the period.`,
    effectWindow: (months) => `New report within ${months} months`,
    caution:
      'This is a comparison, not proof that the talk caused the difference: children who had a talk may differ from those who did not in ways the figures cannot show, for example how serious the first event was or whether the family wanted to take part.',
    withTalk: 'With a talk',
    withoutTalk: 'Without a talk (comparison)',
    comparisonChartLabel: (months) =>
      `Chart: new report within ${months} months, children with a talk against children without, per district and period`,
    tableCaption: (name) => `${name}, per district and period`,
    definitions: 'Definitions',
    allIndicators: 'All indicators',
  },
};

export const MESSAGES: Catalogue<IndicatorsMessages> = { sv, en };

type IndicatorsMessages = typeof sv;

declare module '../i18n/messages' {
  interface Messages extends IndicatorsMessages {}
}
