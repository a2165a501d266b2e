import type { ProgressListener } from './progress/progress-line.js';

/** How a build is run. Every default is here, in one visible place. */
export interface BuildOptions {
  /** The content folder: Markdown files and site.yaml. */
  contentDir: string;
  /** The folder the finished site replaces as a whole. */
  outDir: string;
  /**
   * Replace the output folder even when it holds files an earlier build did not write
   * (`--replace-out`). Without it such a folder is refused, so `--out docs` cannot delete a
   * handbook. The content, working, home and repository folders are refused even with it.
   */
  replaceOut?: boolean;
  /**
   * The address the site is published at; overrides site.yaml's baseUrl. A path
   * (https://org.github.io/repo/) makes every internal link start with it.
   */
  baseUrl?: string;
  /** Paths in messages are relative to this folder. */
  cwd: string;
  /** Include drafts and news dated in the future, marked; only the preview does. */
  drafts: boolean;
  /** Today's date (ÅÅÅÅ-MM-DD) for deciding what is published; the real date in Sweden when absent. */
  today?: string;
  /**
   * `build` also prints each annual report to verksamhetsberattelse-<year>.pdf with headless
   * Chromium (when Chromium is there; `--no-pdf` turns it off).
   */
  pdf: boolean;
  /** The Chromium that prints the PDFs (Debian's package). */
  chromiumPath: string;
  /**
   * Where parsed files and rendered pages are kept between builds, relative to `cwd`; a build
   * then parses and renders only what changed. `undefined` (`--no-cache`) builds without.
   */
  cacheDir?: string;
  /** Reads the cache without adding to it: `verksam check` writes nothing. */
  cacheReadOnly?: boolean;
  /** `build` makes the search index (Pagefind); `--no-search` leaves it out. */
  search: boolean;
  /** Told how far the build is, stage by stage: the command line's progress line in a terminal. */
  onProgress?: ProgressListener;
}

export const defaults: BuildOptions = {
  contentDir: 'content',
  outDir: 'dist',
  cwd: process.cwd(),
  drafts: false,
  pdf: true,
  chromiumPath: '/usr/bin/chromium',
  cacheDir: '.cache/verksam',
  search: true,
};
