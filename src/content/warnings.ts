import { VFileMessage } from 'vfile-message';
import type { RuleId } from '../errors.js';
import type { Entry, FileWarning } from './entries.js';
import { knownFolderList, unreadPlaces } from './folders.js';
import type { ContentGraph } from './graph.js';
import type { Point } from './problems.js';

/*
 * Warnings: content that builds, but that an editor should see to soon. `verksam check` prints
 * them; they never stop a build.
 */

/** A located warning (vfile's `fatal: false`). */
export function warning(file: string, ruleId: RuleId, reason: string, place?: Point): VFileMessage {
  const message = new VFileMessage(reason, { ruleId, source: 'verksam', place });
  message.file = file;
  message.fatal = false;
  return message;
}

/** The same calendar day one year earlier (29 February → 28 February). */
export function oneYearBefore(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  return `${year - 1}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/**
 * What the law asks of a public body's site that the content may have let slip: an accessibility
 * statement, reviewed at least once a year.
 */
export function contentWarnings(graph: ContentGraph, today: string, siteFile = 'site.yaml'): VFileMessage[] {
  const statement = graph.accessibility;
  if (!statement) {
    return [
      warning(
        siteFile,
        'missing-accessibility-statement',
        'Webbplatsen har ingen tillgänglighetsredogörelse. Lagen om tillgänglighet till digital offentlig service kräver en: skapa tillganglighet.md i innehållsmappen (se README).',
      ),
    ];
  }
  if (statement.assessed < oneYearBefore(today)) {
    return [
      warning(
        statement.source.file,
        'stale-accessibility-statement',
        `Fältet "assessed": tillgängligheten bedömdes senast ${statement.assessed}, för mer än ett år sedan. Granska webbplatsen igen och uppdatera assessed och updated.`,
        statement.source.locate(['assessed']),
      ),
    ];
  }
  return [];
}

/** A parsed content file, as the session holds it. */
export interface ParsedFileWarnings {
  contentPath: string;
  /** The path messages use (relative to the working folder). */
  path: string;
  result: { entry?: Entry; warnings?: readonly FileWarning[] };
}

const sameTitle = (a: string, b: string) => a.localeCompare(b, 'sv', { sensitivity: 'accent' }) === 0;

/**
 * What the content of a site still leaves to see to: each file's own warnings (placeholders in
 * drafts, empty sections), a site without a menu, and folders and files in the content folder
 * that verksam does not read. Without a graph (the content has problems) it says what the parsed
 * files tell, so an editor sees the warnings together with the errors, not after fixing them.
 */
export function siteWarnings(files: readonly ParsedFileWarnings[], graph?: ContentGraph): VFileMessage[] {
  const site = files.find((file) => file.contentPath === 'site.yaml');
  // content with problems has no graph: what can be known comes from site.yaml as parsed, if it was
  const siteEntry = site?.result.entry?.kind === 'site' ? site.result.entry.data : undefined;
  const settings = graph?.site ?? siteEntry;
  const indicatorSection = settings?.report.indicatorSection;
  const messages: VFileMessage[] = [];
  for (const { path, result } of files) {
    const entry = result.entry;
    // a goal's indicator section may be a bare heading: the indicator table from its front matter goes there
    const tableHeading = entry?.kind === 'goal' && entry.data.indicators.length > 0 ? indicatorSection : undefined;
    for (const found of result.warnings ?? []) {
      if (tableHeading && found.heading?.level === 2 && sameTitle(found.heading.title, tableHeading)) continue;
      messages.push(warning(path, found.ruleId, found.reason, found.place));
    }
  }
  if (site && settings && settings.navigation.length === 0) {
    const place = site.result.entry?.source.locate(['navigation'], { key: true });
    messages.push(
      warning(
        site.path,
        'missing-navigation',
        'Webbplatsen får ingen meny, eftersom site.yaml inte har någon navigation. Lägg till navigation: en lista med title och url för varje sida som ska synas i menyn (t.ex. title: Nyheter, url: /nyheter/).',
        place,
      ),
    );
  }
  const root = site ? site.path.slice(0, site.path.length - site.contentPath.length) : contentRoot(files);
  for (const place of unreadPlaces(files.map((file) => file.contentPath))) {
    const what = place.folder ? `Mappen "${place.name}/"` : `Filen "${place.name}"`;
    const advice = place.suggestion
      ? ` Menade du "${place.suggestion}/"? Flytta filerna dit.`
      : ` verksam läser ${knownFolderList} samt site.yaml och tillganglighet.md; flytta det som ska publiceras dit, eller ta bort ${place.folder ? 'mappen' : 'filen'}.`;
    const lost = place.folder ? 'inget i den kommer med på webbplatsen' : 'den kommer inte med på webbplatsen';
    messages.push(warning(`${root}${place.name}${place.folder ? '/' : ''}`, 'unread-folder', `${what} läses inte av verksam: ${lost}.${advice}`));
  }
  return messages;
}

/** The content folder's path as messages show it ("content/"), from any file in it. */
function contentRoot(files: readonly ParsedFileWarnings[]): string {
  const file = files[0];
  return file ? file.path.slice(0, file.path.length - file.contentPath.length) : '';
}
