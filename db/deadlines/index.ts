/** What other modules may use of the clocks: retention removes the pending steps of the records it sweeps. */
export { deadlineStepRepository } from './deadline-step.repository';
