/** What other modules may use to word their notifications. */
export type { Message } from './notification-content';
