import { access, constants } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { chromiumArgs } from '../browser/chromium.js';

/**
 * Chromium for the print editions, which can be started before it is needed and closed after
 * the build has moved on. Starting Chromium and closing it take about as long as printing the
 * report; in a cold build the browser starts on the second core while the first reads and
 * renders the site, and it is closed while the output is written, so neither waits on the
 * other. A browser started for nothing (every print came from the cache, or the build failed)
 * is only closed.
 */
export class PrintBrowser {
  private launched?: Promise<Browser>;
  private closed?: Promise<void>;

  constructor(readonly chromiumPath: string) {}

  /** Starts Chromium in the background; a failure is told by `browser()`, when a print needs it. */
  start(): void {
    if (this.launched) return;
    this.launched = launch(this.chromiumPath);
    this.launched.catch(() => {});
  }

  /** The browser, started now if it was not. */
  browser(): Promise<Browser> {
    this.start();
    return this.launched!;
  }

  /** Closes Chromium if it was started (a browser that failed to start needs nothing); once. */
  close(): Promise<void> {
    this.closed ??= (async () => {
      const browser = await this.launched?.catch(() => undefined);
      await browser?.close();
    })();
    return this.closed;
  }
}

async function launch(chromiumPath: string): Promise<Browser> {
  await access(chromiumPath, constants.X_OK);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] });
}
