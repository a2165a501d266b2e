import type { Element } from 'hast';
import type { Goal } from '../../src/content/graph.js';
import { placeBody } from '../../src/render/prose.js';
import { urls } from '../../src/routes/urls.js';
import { StatusBadge } from './common.js';
import { IndicatorTable } from './indicators.js';
import { KeyFigures } from './key-figures.js';

function heading(level: number, text: string, id?: string): Element {
  return { type: 'element', tagName: `h${level}`, properties: id ? { id } : {}, children: [{ type: 'text', value: text }] };
}

/** Who assessed a goal, in words, beside its status: the page always says which. */
function assessedBy(goal: Goal): string {
  if (goal.assessment?.by === 'indicators') {
    return ` Beräknad utifrån indikatorerna (${goal.assessment.assessed} av ${goal.assessment.of} bedömda), enligt organisationens regel.`;
  }
  return ' Bedömning: organisationens.';
}

/**
 * A goal's facts (assessment, area, projects), background, sections (with its indicator table
 * in the section the organisation keeps it in) and key figures, with headings starting at
 * `level`. Used both on the goal's own page and inside the whole report.
 */
export function GoalBody(goal: Goal, level: 2 | 4, groupName: string, idPrefix = ''): Element[] {
  // inside the whole report, names of tables and regions say which goal they belong to
  const where = (part: string) => (idPrefix ? `${part}, mål ${goal.number}` : part);
  return [
    (
      <dl class="facts" data-pagefind-ignore="">
        <dt>Bedömning</dt>
        <dd>
          {goal.report.plan
            ? 'Planerat mål: det följs upp när året är slut.'
            : goal.status
              ? [StatusBadge(goal), <span class="status-by">{assessedBy(goal)}</span>]
              : 'Målet har inte bedömts i rapporten.'}
          {goal.statusNote ? <span class="status-note"> {goal.statusNote}</span> : null}
        </dd>
        <dt>{groupName}</dt>
        <dd>
          <a href={urls.area(goal.area)} data-pagefind-filter={idPrefix ? undefined : 'area'}>
            {goal.area.title}
          </a>
        </dd>
        {goal.projects.length > 0 ? <dt>Projekt</dt> : null}
        {goal.projects.map((project) => (
          <dd>
            <a href={urls.project(project)}>{project.title}</a>
          </dd>
        ))}
      </dl>
    ) as Element,
    ...(placeBody(goal.intro, { topLevel: level, idPrefix, context: where('bakgrunden') }).children as Element[]),
    ...goal.sections.map(
      (section) =>
        (
          <section class="goal-section">
            {heading(level, section.title, `${idPrefix}${section.id}`)}
            {placeBody(section.body, { topLevel: level + 1, idPrefix, context: where(section.title.toLowerCase()) })}
            {section.indicators ? IndicatorTable(goal, idPrefix ? `Indikatorer för mål ${goal.number}` : 'Indikatorer') : null}
          </section>
        ) as Element,
    ),
    ...[
      KeyFigures(goal.keyFigures, level, goal.report.year, `Nyckeltal för mål ${goal.number}`, {
        goalLabel: `Mål ${goal.number}`,
        idPrefix: `${idPrefix}nyckeltal-`,
      }),
    ].filter((node): node is Element => node !== null),
  ];
}
