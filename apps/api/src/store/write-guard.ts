/**
 * A compare-and-set condition: dotted paths and the scalar each must hold (null also matches a missing field,
 * as in a MongoDB filter). Dates compare by time.
 */
export type WriteGuard = Readonly<Record<string, string | number | boolean | Date | null>>;

/** Whether `doc` meets `guard` the way a MongoDB equality filter on the same paths would. */
export function guardHolds(doc: Readonly<Record<string, unknown>>, guard: WriteGuard): boolean {
  return Object.entries(guard).every(([path, expected]) => sameScalar(valueAt(doc, path), expected));
}

function valueAt(doc: Readonly<Record<string, unknown>>, path: string): unknown {
  let value: unknown = doc;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function sameScalar(actual: unknown, expected: WriteGuard[string]): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (expected instanceof Date) return actual instanceof Date && actual.getTime() === expected.getTime();
  return actual === expected;
}
