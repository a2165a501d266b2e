import { VFileMessage } from 'vfile-message';
import type { RuleId } from '../errors.js';
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
