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
