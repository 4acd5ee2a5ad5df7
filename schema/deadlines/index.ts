/** What other modules' types may use of deadlines. */
export { DeadlineType } from './deadline.type';
