import { BadInput } from '../../domain/errors';
import { isUuid, textProblem } from '../../schema/common/validators';
import { decodeCursor } from '../pagination';

/** What each part of a cursor holds; checked before the parts reach SQL as uuid or timestamptz parameters. */
export type CursorPart = 'text' | 'uuid' | 'timestamp';

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

const VALID: Record<CursorPart, (value: string) => boolean> = {
  text: (value) => textProblem(value, { max: 500 }) === null,
  uuid: isUuid,
  timestamp: (value) => ISO_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value)),
};

/** A cursor is opaque to clients but not to attackers: a forged one is refused like a garbled one. */
export function decodeCheckedCursor(after: string, parts: readonly CursorPart[]): string[] {
  const values = decodeCursor(after, parts.length);
  if (values.every((value, i) => VALID[parts[i]](value))) return values;
  throw new BadInput(
    'after',
    'The cursor is not valid. Start again from the first page.',
    'Markören är ogiltig. Börja om från första sidan.',
  );
}
