/** What other modules' tables may reference of collaboration cases. */
export { CollaborationCaseEntity } from './collaboration-case.entity';
