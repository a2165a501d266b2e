import { spawnSync } from 'node:child_process';
import { accessSync, constants, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../src/browser/chromium.js';

/*
 * The real-browser side of the gates: Debian's chromium driven by playwright-core, axe-core on
 * top. Also the "is the tool there?" checks shared by the browser tests and the Nu checker.
 */

export { chromiumPath };
const launchArgs = [...chromiumArgs];

type Tool = 'chromium' | 'java';

const installHints: Readonly<Record<Tool, string>> = {
  chromium: 'apt-get install -y chromium',
  java: 'apt-get install -y default-jre-headless',
};

function chromiumPresent(): boolean {
  try {
    accessSync(chromiumPath, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function javaPresent(): boolean {
  const result = spawnSync('java', ['-version'], { stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
}

/**
 * Prints the install hint once per test run: every test file runs in its own worker, so a marker
 * file named after the vitest main process keeps it to one line however many files skip.
 */
function printHintOnce(tool: Tool): void {
  const marker = join(tmpdir(), `verksam-missing-${tool}-${process.ppid}`);
  try {
    writeFileSync(marker, '', { flag: 'wx' });
  } catch {
    return;
  }
  process.stderr.write(
    `${tool === 'chromium' ? `Chromium (${chromiumPath})` : 'Java'} not found: its tests are skipped; install it with \`${installHints[tool]}\`\n`,
  );
}

/**
 * Whether a tool the gates need is installed. Missing in CI (CI=true) is a failure: this throws.
 * Missing on a developer machine: prints one line saying how to install it and returns false,
 * so the caller can skip its tests.
 */
export function toolAvailable(tool: Tool): boolean {
  const present = tool === 'chromium' ? chromiumPresent() : javaPresent();
  if (present) return true;
  if (process.env.CI === 'true') {
    throw new Error(
      `${tool} is missing, and in CI the browser and validator gates must run, never be skipped. Install it with \`${installHints[tool]}\` (.ci/run does this).`,
    );
  }
  printHintOnce(tool);
  return false;
}

export const chromiumAvailable = (): boolean => toolAvailable('chromium');
export const javaAvailable = (): boolean => toolAvailable('java');

/** Launches Debian's headless chromium. Open pages with `browser.newContext()`, never `browser.newPage()`. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: launchArgs });
}

// ---------------------------------------------------------------------------------------------
// axe-core

/** The WCAG 2.0 and 2.1 level A and AA rules (what DOS-lagen requires). */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/**
 * Rules outside those tags that we run as well. `heading-order` is tagged best-practice in axe,
 * but a skipped heading level breaks screen-reader navigation by headings, and the issue names
 * it as something the gates must catch.
 */
export const axeExtraRules = ['heading-order'] as const;

export interface AxeViolation {
  /** A readable name of the page: "content /nyheter/". */
  page: string;
  url: string;
  rule: string;
  impact: string;
  help: string;
  helpUrl: string;
  /** CSS selectors of the offending elements. */
  targets: string[];
  /** Short HTML of each offending element. */
  html: string[];
}

/**
 * Runs `task` over `items` in `tabs` tabs of `context` at a time, each tab reused for the next
 * item (opening a tab costs more than navigating one). Results keep the order of `items`.
 */
export async function inTabs<T, R>(
  context: BrowserContext,
  tabs: number,
  items: readonly T[],
  task: (page: Page, item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    const page = await context.newPage();
    try {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(page, items[index] as T);
      }
    } finally {
      await page.close();
    }
  }
  await Promise.all(Array.from({ length: Math.min(tabs, items.length) }, worker));
  return results;
}

/**
 * Loads `url` in `page` (a tab of a context made with `browser.newContext()`), runs axe-core with
 * the WCAG A/AA rules and returns its violations. Throws if the page does not load with status 200.
 */
export async function axeCheck(page: Page, url: string, pageLabel: string): Promise<AxeViolation[]> {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response || response.status() !== 200) {
    throw new Error(`${pageLabel}: ${url} answered ${response?.status() ?? 'nothing'} instead of 200`);
  }
  return axeCheckLoaded(page, pageLabel);
}

/** Runs axe-core over the page as it is now (for a page a script has changed since it loaded). */
export async function axeCheckLoaded(page: Page, pageLabel: string): Promise<AxeViolation[]> {
  const url = page.url();
  const results = await new AxeBuilder({ page })
    .options({
      runOnly: { type: 'tag', values: [...axeTags] },
      rules: Object.fromEntries(axeExtraRules.map((rule) => [rule, { enabled: true }])),
      resultTypes: ['violations'],
    })
    .analyze();
  return results.violations.map((violation) => ({
    page: pageLabel,
    url,
    rule: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    helpUrl: violation.helpUrl.replace(/\?application=.*$/, ''),
    targets: violation.nodes.map((node) => node.target.map(String).join(' >>> ')),
    html: violation.nodes.map((node) => node.html.replace(/\s+/g, ' ').slice(0, 160)),
  }));
}

/** A readable report: one block per page and rule, each offending element on its own line. */
export function formatAxeViolations(violations: readonly AxeViolation[]): string {
  if (violations.length === 0) return 'no accessibility violations';
  const pages = new Set(violations.map((violation) => violation.page)).size;
  const lines = [`${violations.length} accessibility violation(s) on ${pages} page(s):`];
  for (const violation of violations) {
    lines.push('', `${violation.page}  [${violation.rule}] (${violation.impact}) ${violation.help}`, `  help: ${violation.helpUrl}`);
    violation.targets.forEach((target, index) => lines.push(`  element: ${target}    ${violation.html[index] ?? ''}`));
  }
  return lines.join('\n');
}
