/** What other modules may use of talks: its enums, registered (the district settings name some of them). */
export * from './talk-enums';
