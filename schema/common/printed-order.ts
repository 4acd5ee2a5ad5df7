/**
 * `names` with those in `printedFirst` first, in its order, then the rest as they come (a stable sort). Lists that were
 * written by hand before modules declared them keep schema/schema.graphql byte-identical this way; new names print after.
 */
export function inPrintedOrder<T>(items: readonly T[], nameOf: (item: T) => string, printedFirst: readonly string[]): T[] {
  const rank = (name: string) => (printedFirst.includes(name) ? printedFirst.indexOf(name) : printedFirst.length);
  return [...items].sort((a, b) => rank(nameOf(a)) - rank(nameOf(b)));
}
