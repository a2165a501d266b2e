/**
 * Freezes a value and everything it reaches, so no stage can change what another stage reads.
 * An object is frozen before its fields are walked, so a cycle (the graph links both ways) ends
 * where it started, without a set of the objects seen: at 10 000 entries that set was much of
 * the cost. An object already frozen is skipped: a body parsed and frozen once is not walked
 * again every time the graph is rebuilt.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) {
    // an accessor (an entry's text, see bodies.ts) is not called: what it returns is frozen where it is kept
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) deepFreeze(descriptor.value);
  }
  return value;
}

/**
 * deepFreeze for a value fresh from JSON.parse or a worker's message: plain objects and arrays
 * only, with no accessors, cycles or symbols, so each property is read directly. Freezing the
 * cached entries' trees is most of a build from the cache; this is several times faster.
 */
export function freezeJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null && typeof item === 'object') freezeJson(item);
  } else {
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== null && typeof item === 'object') freezeJson(item);
    }
  }
  return Object.freeze(value);
}
