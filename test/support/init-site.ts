import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initSite } from '../../src/commands/init.js';
import { todayInSweden } from '../../src/format/dates.js';

/*
 * The site `verksam init` starts, written once per test run (by the global setup) so that the
 * gate tests (html-validate, the Nu checker, axe, links, keyboard) run over it like over the
 * fixture sites: what a new organisation gets must pass every gate as it stands, today.
 */

export interface InitSiteFolder {
  /** The folder init wrote into; its content folder is `<root>/content`. */
  root: string;
  remove(): Promise<void>;
}

export async function writeInitSite(): Promise<InitSiteFolder> {
  const parent = await mkdtemp(join(tmpdir(), 'verksam-init-site-'));
  const root = join(parent, 'exempelforbundet');
  const outcome = await initSite({ dir: root, cwd: parent, today: todayInSweden() });
  if (!outcome.ok) throw new Error(outcome.message);
  return { root, remove: () => rm(parent, { recursive: true, force: true }) };
}

