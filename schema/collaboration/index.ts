/** What other modules' types may use of collaboration cases. */
export { CollaborationCaseType } from './collaboration-case.type';
