import { join } from 'node:path';
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
  const service = await startSiteBuildService();
  project.provide('siteBuildService', service.origin);
  const initSite = await writeInitSite();
  project.provide('initSiteContent', join(initSite.root, 'content'));
  return async () => {
    await service.close();
    await initSite.remove();
  };
}
