import { BadInput } from '../domain/errors';

/** A half-open period [from, to) for reports and reviews: `to` after `from`, at most `maxDays` long. */
export function checkPeriod(from: Date, to: Date, maxDays: number): void {
  if (to.getTime() <= from.getTime()) throw new BadInput('to', '"to" must be after "from".', '"to" måste vara efter "from".');
  if (to.getTime() - from.getTime() > maxDays * 86_400_000) {
    throw new BadInput('to', `Choose a period of at most ${maxDays} days.`, `Välj en period på högst ${maxDays} dagar.`);
  }
}
