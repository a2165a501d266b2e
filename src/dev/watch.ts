import { watch } from 'chokidar';

/** A changed file: which watched folder it is in, and its path relative to that folder. */
export interface SourceChange {
  root: 'content' | 'templates';
  path: string;
}

export interface SourceWatcher {
  close(): Promise<void>;
}

/** Saves often arrive as several events (write, rename, chmod): gather them for this long. */
const settleMilliseconds = 20;

/**
 * chokidar drops a second change of one file within 50 ms, so a quick second save (or an
 * editor that writes twice) would leave the preview one version behind. Every change is
 * reported once more after this delay; an unchanged file costs the build one hash.
 */
const recheckMilliseconds = 80;

const ignored = (path: string) => /(^|[/\\])(\.|node_modules)/.test(path.replace(/^\.\//, '')) && !/^\.$/.test(path);

/**
 * Watches the content folder and the templates with chokidar and reports changes in batches.
 * Each folder is watched with its own `cwd`, so every event path (unlinkDir too) is relative.
 */
export async function watchSources(
  roots: Record<SourceChange['root'], string>,
  onChange: (changes: SourceChange[]) => void,
): Promise<SourceWatcher> {
  let batch: SourceChange[] = [];
  let timer: NodeJS.Timeout | undefined;
  const rechecks = new Map<string, NodeJS.Timeout>();
  const flush = () => {
    timer = undefined;
    const changes = batch;
    batch = [];
    if (changes.length > 0) onChange(changes);
  };
  const watchers = await Promise.all(
    (Object.entries(roots) as [SourceChange['root'], string][]).map(
      ([root, dir]) =>
        new Promise<ReturnType<typeof watch>>((ready) => {
          const watcher = watch('.', { cwd: dir, ignoreInitial: true, ignored: (path) => path !== '.' && ignored(path) });
          const report = (path: string) => {
            batch.push({ root, path });
            clearTimeout(timer);
            timer = setTimeout(flush, settleMilliseconds);
          };
          watcher.on('all', (event, rawPath) => {
            if (event === 'addDir') return;
            const path = rawPath.split('\\').join('/');
            report(path);
            if (event === 'change' && !rechecks.has(`${root}:${path}`)) {
              rechecks.set(
                `${root}:${path}`,
                setTimeout(() => {
                  rechecks.delete(`${root}:${path}`);
                  report(path);
                }, recheckMilliseconds),
              );
            }
          });
          watcher.once('ready', () => ready(watcher));
        }),
    ),
  );
  return {
    async close() {
      clearTimeout(timer);
      for (const recheck of rechecks.values()) clearTimeout(recheck);
      await Promise.all(watchers.map((watcher) => watcher.close()));
    },
  };
}
