/*
 * Pagefind runs one service process per Node process, shared by every index made in it, and its
 * close() stops that process for all of them. Two builds in one process (a test's two sites, the
 * preview beside a build) each make an index, so the service is stopped only when the last index
 * that uses it is done.
 */

type Pagefind = typeof import('pagefind');
export type PagefindIndex = NonNullable<Awaited<ReturnType<Pagefind['createIndex']>>['index']>;

let users = 0;

/** A new index in the shared service; give it back with `releaseIndex`, once. */
export async function openIndex(): Promise<PagefindIndex> {
  users++;
  try {
    const pagefind = await import('pagefind');
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'sv' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    return index;
  } catch (error) {
    await release();
    throw error;
  }
}

/** Frees the index in the service, and stops the service when no other index uses it. */
export async function releaseIndex(index: PagefindIndex | undefined): Promise<void> {
  // the service may already be gone with a failure; what matters is that it stops
  await index?.deleteIndex().catch(() => {});
  await release();
}

async function release(): Promise<void> {
  users--;
  if (users === 0) await (await import('pagefind')).close();
}
