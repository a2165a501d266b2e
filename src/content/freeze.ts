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
 * deepFreeze for plain data: a value fresh from JSON.parse or a worker's message, or a body's
 * syntax tree as the parser makes it (the cache keeps it as JSON). Plain objects and arrays,
 * with no accessors, cycles or symbols, so each own property is read directly. Freezing the
 * bodies is much of a build (every body when cold, the cached entries when warm); deepFreeze's
 * generality (each property's descriptor) made it several times slower.
 */
export function freezeJson<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) for (const item of value) freezeJson(item);
  else for (const key of Object.keys(value)) freezeJson((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
