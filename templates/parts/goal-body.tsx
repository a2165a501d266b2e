import type { Element } from 'hast';
import type { Goal } from '../../src/content/graph.js';
import { placeBody } from '../../src/render/prose.js';
import { urls } from '../../src/routes/urls.js';
import { StatusBadge } from './common.js';
import { KeyFigures } from './key-figures.js';

function heading(level: number, text: string, id?: string): Element {
  return { type: 'element', tagName: `h${level}`, properties: id ? { id } : {}, children: [{ type: 'text', value: text }] };
}

/**
 * A goal's statement, status, background and its three sections, with headings starting at
 * `level`. Used both on the goal's own page and inside the whole report.
 */
export function GoalBody(goal: Goal, level: 2 | 4, idPrefix = ''): Element[] {
  // inside the whole report, names of tables and regions say which goal they belong to
  const where = (part: string) => (idPrefix ? `${part}, mål ${goal.number}` : part);
  const section = (title: string, slug: string, body: Goal['sections']['aktiviteter']) =>
    (
      <section class="goal-section">
        {heading(level, title, `${idPrefix}${slug}`)}
        {placeBody(body, { topLevel: level + 1, idPrefix, context: where(title.toLowerCase()) })}
      </section>
    ) as Element;
  return [
    (
      <dl class="facts" data-pagefind-ignore="">
        <dt>Bedömning</dt>
        <dd>
          {goal.status ? StatusBadge(goal) : 'Målet har inte bedömts i rapporten.'}
          {goal.statusNote ? <span class="status-note"> {goal.statusNote}</span> : null}
        </dd>
        <dt>Område</dt>
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
    section('Aktiviteter', 'aktiviteter', goal.sections.aktiviteter),
    section('Indikatorer', 'indikatorer', goal.sections.indikatorer),
    section('Uppföljning', 'uppfoljning', goal.sections.uppfoljning),
    ...[
      KeyFigures(goal.keyFigures, level, goal.report.year, `Nyckeltal för mål ${goal.number}`, {
        goalLabel: `Mål ${goal.number}`,
        idPrefix: `${idPrefix}nyckeltal-`,
      }),
    ].filter((node): node is Element => node !== null),
  ];
}
