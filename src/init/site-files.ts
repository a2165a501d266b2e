import { readFileSync } from 'node:fs';
import { accessibilityFile } from './accessibility.js';
import { areaFile, areaSlug } from './area.js';
import { gitignoreFile } from './gitignore.js';
import { newsFile, newsSlug } from './news.js';
import { packageJsonFile, type VerksamPackage } from './package-json.js';
import { readmeFile } from './readme.js';
import { goalFile, reportFile } from './report.js';
import { siteYaml } from './site-yaml.js';

/*
 * Everything `verksam init` writes: a small site that builds and passes every check as it
 * stands, and what the organisation's own repository needs around it. Pure but for reading the
 * workflow file that ships beside this one.
 */

export interface InitRequest {
  /** Today in Sweden, ÅÅÅÅ-MM-DD: the news item's date; the report is of the year before. */
  today: string;
  /** The new folder's name, for package.json. */
  folderName: string;
  /** What package.json installs verksam from. */
  verksamSource: string;
  verksam: VerksamPackage;
}

/** A file to write, by its path in the new folder ("/" separated). */
export interface InitFile {
  path: string;
  text: string;
}

/** The Pages workflow the organisation's repository runs (src/init/pages.yml). */
export const pagesWorkflow = (): string => readFileSync(new URL('./pages.yml', import.meta.url), 'utf8');

export function initFiles(request: InitRequest): InitFile[] {
  const reportYear = Number(request.today.slice(0, 4)) - 1;
  return [
    { path: 'README.md', text: readmeFile('Exempelförbundet') },
    { path: 'package.json', text: packageJsonFile(request.folderName, request.verksamSource, request.verksam) },
    { path: '.gitignore', text: gitignoreFile() },
    { path: '.github/workflows/pages.yml', text: pagesWorkflow() },
    { path: 'content/site.yaml', text: siteYaml() },
    { path: `content/omraden/${areaSlug}.md`, text: areaFile() },
    { path: `content/verksamhetsberattelse/${reportYear}/index.md`, text: reportFile(reportYear, request.today) },
    { path: `content/verksamhetsberattelse/${reportYear}/mal-01.md`, text: goalFile() },
    { path: `content/nyheter/${newsSlug}.md`, text: newsFile(request.today) },
    { path: 'content/tillganglighet.md', text: accessibilityFile(request.today) },
  ];
}
