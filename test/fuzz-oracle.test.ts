/** The fuzz run's leak detector: a stack frame in an error is a leak, prose that happens to say "at" is not. */
import { leakIn, STACK_FRAME } from '../scripts/fuzz/oracle';

describe('leakIn: stack traces', () => {
  it.each([
    'The longest investigation extension: at most (months) must be a whole number from 1 to 6.',
    'Välj en tidpunkt: at most (12) weeks ahead.',
    'The talk is at 2026-11-23T08:00:00.000Z (Stockholm).',
    'Meet at Norrskolan (room 12:3) after school.',
  ])('does not count a validation message as a stack trace: %s', (message) => {
    expect(leakIn(message, [])).toBeNull();
  });

  it.each([
    'Error: boom\n    at resolveField (/srv/app/dist/api/reports/reports.service.js:12:5)',
    'at async Promise.all (index 0)',
    'TypeError: x is undefined at Object.<anonymous> (api/talks/talks.service.ts:120:17)',
    'at new ReportRow (<anonymous>)',
    'at processTicksAndRejections (node:internal/process/task_queues:95:5)',
    'at file:///srv/app/dist/main.mjs:3:9',
  ])('counts a real stack frame: %s', (message) => {
    expect(STACK_FRAME.test(message)).toBe(true);
    expect(leakIn(message, [])).not.toBeNull();
  });

  it("counts a frame even when the rest of the message is the client's own words", () => {
    const echo = 'at most (months)';
    expect(leakIn(`${echo} failed\n    at check (schema/common/validators.ts:40:11)`, [echo])).toBe('stack trace');
  });
});
