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

/**
 * deepFreeze for a body's syntax tree, as the parser or JSON makes it: plain objects and arrays
 * without accessors or cycles (the cache keeps it as JSON), so their own keys are all there is
 * to follow. A cold build freezes every body once; deepFreeze's generality (each property's
 * descriptor, a set of the objects seen) cost about as much as a walk of the tree by unist-util-visit.
 */
export function freezeTree<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) for (const item of value) freezeTree(item);
  else for (const key of Object.keys(value)) freezeTree((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
