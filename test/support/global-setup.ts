import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { writeInitSite } from './init-site.js';
import { startSiteBuildService } from './site-build-service.js';

/*
 * Runs once per `vitest run`, in the main process: starts the service that builds each site the
 * gate tests ask for once, with `node bin/verksam.js build`, and shares the output between test
 * files (see site-build-service.ts). Nothing is built until a test asks.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** "http://127.0.0.1:<port>" of the site build service. */
    siteBuildService: string;
    /** The content folder of the site `verksam init` writes, for the gates (see init-site.ts). */
    initSiteContent: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // the tests run bin/verksam.js, which runs lib/ only when it is compiled from the sources as
  // they are: compiling first (a no-op when current) keeps every run on the fast path
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/compile.js', import.meta.url))], { stdio: 'inherit' });
  const service = await startSiteBuildService();
  project.provide('siteBuildService', service.origin);
  const initSite = await writeInitSite();
  project.provide('initSiteContent', join(initSite.root, 'content'));
  return async () => {
    await service.close();
    await initSite.remove();
  };
}
