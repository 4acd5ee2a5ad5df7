/** What other modules' types may use of children. */
export { ChildType } from './child.type';
