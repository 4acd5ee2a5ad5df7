import { createLogger } from './logger';
import { maskIdentityNumbers, redactForLog, safeError } from './log-redaction';

describe('redactForLog', () => {
  it.each([
    ['a name one level down', { child: { givenName: 'Nora' } }, { child: { givenName: '[redacted]' } }],
    ['a name four levels down', { a: { b: { c: { familyName: 'Nyström' } } } }, { a: { b: { c: { familyName: '[redacted]' } } } }],
    ['names in arrays', { guardians: [{ name: 'Eva' }] }, { guardians: [{ name: '[redacted]' }] }],
    [
      'a personal identity number in free text',
      { note: undefined, info: 'child 201203151234 was' },
      { note: '[redacted]', info: 'child [personnummer] was' },
    ],
    ['a ten-digit number with a dash', { info: ['1203151234', '120315-1234'] }, { info: ['[personnummer]', '[personnummer]'] }],
    ['GraphQL variables', { variables: { input: { x: 1 } } }, { variables: '[redacted]' }],
    ['ids and counts stay', { requestId: 'r-1', count: 3, ok: true }, { requestId: 'r-1', count: 3, ok: true }],
  ])('%s', (_label, input, expected) => {
    expect(redactForLog(input)).toEqual(expected);
  });

  it('keeps a database error to its code, constraint and table', () => {
    const pgError = Object.assign(new Error('new row for relation "child" violates check constraint "x"'), {
      code: '23514',
      constraint: 'x',
      table: 'child',
      detail: 'Failing row contains (Nora, Nyström, 201203151234).',
      severity: 'ERROR',
    });
    const typeorm = Object.assign(new Error(pgError.message), {
      name: 'QueryFailedError',
      driverError: pgError,
      parameters: ['Nora', '201203151234'],
      query: 'INSERT …',
    });
    for (const error of [pgError, typeorm])
      expect(safeError(error)).toEqual({ type: 'DatabaseError', code: '23514', constraint: 'x', table: 'child' });
  });

  it('masks identity numbers in the message and stack of any other error, and survives cycles', () => {
    const error = new Error('no child 201203151234');
    const cyclic: Record<string, unknown> = { err: error };
    cyclic.self = cyclic;
    const out = redactForLog(cyclic) as { err: { message: string; stack: string }; self: unknown };
    expect(out.err.message).toBe('no child [personnummer]');
    expect(out.err.stack).not.toContain('201203151234');
    expect(out.self).toBe('[circular]');
  });

  it('is what the logger writes, message strings included', () => {
    const lines: string[] = [];
    const logger = createLogger('info', 'test', { write: (line: string) => void lines.push(line) });
    logger.error(
      {
        err: Object.assign(new Error('x'), { code: '23505', constraint: 'child_pin', detail: 'Key (pin)=(201203151234)' }),
        deep: { a: { b: { email: 'nora@example.se' } } },
      },
      'failed for 201203151234',
    );
    expect(lines.join('')).not.toMatch(/201203151234|nora@example/);
    expect(JSON.parse(lines[0])).toMatchObject({ err: { code: '23505', constraint: 'child_pin' }, msg: 'failed for [personnummer]' });
  });

  it('leaves dates and plain numbers alone', () => {
    expect(maskIdentityNumbers('at 2026-11-23, 12 children, request 42')).toBe('at 2026-11-23, 12 children, request 42');
  });
});
