import type { Element } from 'hast';
import type { Goal, Site } from '../../src/content/graph.js';
import { placeBody } from '../../src/render/prose.js';
import { urls } from '../../src/routes/urls.js';
import { StatusBadge } from './common.js';
import { IndicatorCharts, IndicatorTable } from './indicators.js';
import { KeyFigures } from './key-figures.js';
import { reflowTables } from './reflow.js';

/** The organisation's words for its reports and for what groups the goals (site.yaml: report). */
export type ReportNames = Pick<Site['report'], 'name' | 'planName' | 'groupName'>;

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

/** "Verksamhetsberättelse 2019", or the plan's name for a plan year, and the goal's number there when it had another. */
function otherYearName(goal: Goal, other: Goal['otherYears'][number], names: ReportNames): string {
  const name = `${other.plan ? names.planName : names.name} ${other.year}`;
  return other.number === goal.number ? name : `${name} (mål ${other.number})`;
}

/** The goal's status (once, with who assessed it), its group, its projects and the same goal in other years. */
function GoalFacts(goal: Goal, names: ReportNames, indexed: boolean): Element {
  return (
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
      <dt>{names.groupName}</dt>
      <dd>
        <a href={urls.area(goal.area)} data-pagefind-filter={indexed ? 'area' : undefined}>
          {goal.area.title}
        </a>
      </dd>
      {goal.projects.length > 0 ? <dt>Projekt</dt> : null}
      {goal.projects.map((project) => (
        <dd>
          <a href={urls.project(project)}>{project.title}</a>
        </dd>
      ))}
      {goal.otherYears.length > 0 ? <dt>Andra år</dt> : null}
      {goal.otherYears.map((other) => (
        <dd>
          <a href={urls.goal({ number: other.number, report: { year: other.year, path: goal.report.path } })}>{otherYearName(goal, other, names)}</a>
        </dd>
      ))}
    </dl>
  ) as Element;
}

/**
 * A goal's facts (assessment, group, projects, other years), its background, key figures and
 * sections (with its indicator table and one trend chart per indicator in the section the
 * organisation keeps them in), with headings starting at `level`. Used both on the goal's own
 * page and in the report page's full text of each goal, which the print edition prints.
 */
export function GoalBody(goal: Goal, level: 2 | 4, names: ReportNames, idPrefix = ''): Element[] {
  // inside the whole report, names of tables and regions say which goal they belong to
  const where = (part: string) => (idPrefix ? `${part}, mål ${goal.number}` : part);
  const place = (body: Goal['intro'], topLevel: number, context: string) => reflowTables(placeBody(body, { topLevel, idPrefix, context: where(context) }));
  return [
    GoalFacts(goal, names, !idPrefix),
    // the background has no heading of its own: it goes before the first one
    ...(place(goal.intro, level, 'bakgrunden').children as Element[]),
    ...[
      KeyFigures(goal.keyFigures, level, goal.report.year, `Nyckeltal för mål ${goal.number}`, {
        goalLabel: `Mål ${goal.number}`,
        idPrefix: `${idPrefix}nyckeltal-`,
      }),
    ].filter((node): node is Element => node !== null),
    ...goal.sections.map(
      (section) =>
        (
          <section class="goal-section">
            {heading(level, section.title, `${idPrefix}${section.id}`)}
            {place(section.body, level + 1, section.title.toLowerCase())}
            {section.indicators ? IndicatorTable(goal, `Indikatorer för mål ${goal.number}`) : null}
            {section.indicators ? IndicatorCharts(goal, level + 1, idPrefix) : null}
          </section>
        ) as Element,
    ),
  ];
}
