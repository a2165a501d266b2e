/**
 * Freezes a value and everything it reaches, so no stage can change what another stage reads.
 * Handles cycles (the graph links both ways). An object frozen by this function has frozen
 * descendants, so one already frozen is skipped: a body parsed and frozen once is not walked
 * again every time the graph is rebuilt.
 */
export function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value) || Object.isFrozen(value)) return value;
  seen.add(value);
  for (const key of Reflect.ownKeys(value)) {
    // an accessor (an entry's text, see bodies.ts) is not called: what it returns is frozen where it is kept
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) deepFreeze(descriptor.value, seen);
  }
  return Object.freeze(value);
}
