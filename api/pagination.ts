import { BadInput } from '../domain/errors';
import { Connection } from '../schema/common/page.type';

export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): string[] {
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === length && parts.every((p) => typeof p === 'string')) return parts;
  } catch {
    // fall through
  }
  throw new BadInput(
    'after',
    'The cursor is not valid. Start again from the first page.',
    'Markören är ogiltig. Börja om från första sidan.',
  );
}

/** `rows` holds one row more than the page when there is a next page. */
export function toConnection<T>(rows: T[], first: number, cursorOf: (row: T) => string[]): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(cursorOf(node)) }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}
