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
 * A file is reported once its size has held still this long, so a build never reads it
 * half-written; chokidar then also reports every later change (it no longer drops a second
 * change of one file within 50 ms). Small, so a save shows in the preview at once.
 */
const writeFinish = { stabilityThreshold: 50, pollInterval: 10 };

const ignored = (path: string) => /(^|[/\\])(\.|node_modules)/.test(path.replace(/^\.\//, '')) && !/^\.$/.test(path);

/**
 * Watches the content folder and the templates with chokidar and reports changes in batches.
 * Each folder is watched with its own `cwd`, so every event path (unlinkDir too) is relative.
 * Resolves once chokidar is ready: every change after that is reported.
 */
export async function watchSources(
  roots: Record<SourceChange['root'], string>,
  onChange: (changes: SourceChange[]) => void,
): Promise<SourceWatcher> {
  let batch: SourceChange[] = [];
  let timer: NodeJS.Timeout | undefined;
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
          const watcher = watch('.', {
            cwd: dir,
            ignoreInitial: true,
            awaitWriteFinish: writeFinish,
            ignored: (path) => path !== '.' && ignored(path),
          });
          watcher.on('all', (event, rawPath) => {
            if (event === 'addDir') return;
            batch.push({ root, path: rawPath.split('\\').join('/') });
            clearTimeout(timer);
            timer = setTimeout(flush, settleMilliseconds);
          });
          watcher.once('ready', () => ready(watcher));
        }),
    ),
  );
  return {
    async close() {
      clearTimeout(timer);
      await Promise.all(watchers.map((watcher) => watcher.close()));
    },
  };
}
