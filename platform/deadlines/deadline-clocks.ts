import { ClockTables, foldClocks } from '../../domain/deadlines/deadline-kinds';
import { moduleFiles } from '../module-files';

/**
 * Every clock of every module (`domain/<m>/<m>.clocks.ts`): a module's first clock needs no line anywhere else, and
 * app/modules.int.test.ts checks its descriptor claims the same kinds and subjects.
 */
const CLOCKS: ClockTables = foldClocks(moduleFiles('clocks'));

export const DEADLINE_KINDS = CLOCKS.kinds;
export const DEADLINE_SUBJECTS = CLOCKS.subjects;
