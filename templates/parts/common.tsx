import type { Element } from 'hast';
import type { Area, Goal, NewsItem, Project } from '../../src/content/graph.js';
import type { GoalStatus } from '../../src/content/schemas.js';
import { formatDate, formatPartialDate } from '../../src/format/dates.js';
import { urls } from '../../src/routes/urls.js';
import { imageSizes, Picture } from './picture.js';

/** A calendar date as readers read it, with the machine-readable date beside. */
export function DateText(date: string): Element {
  return (<time datetime={date}>{date.length === 10 ? formatDate(date) : formatPartialDate(date)}</time>) as Element;
}

export const statusLabels: Record<GoalStatus | 'ej-bedomt', string> = {
  uppfyllt: 'Uppfyllt',
  'delvis-uppfyllt': 'Delvis uppfyllt',
  'ej-uppfyllt': 'Ej uppfyllt',
  pagaende: 'Pågående',
  'ej-bedomt': 'Ej bedömt',
};

/** Symbols beside the words, so status is never told by colour alone. */
export const statusSymbols: Record<GoalStatus | 'ej-bedomt', string> = {
  uppfyllt: '✓',
  'delvis-uppfyllt': '◐',
  'ej-uppfyllt': '✗',
  pagaende: '→',
  'ej-bedomt': '–',
};

export function StatusBadge(goal: Pick<Goal, 'status'>): Element {
  const status = goal.status ?? 'ej-bedomt';
  return (
    <span class={`status status--${status}`}>
      <span class="status__symbol" aria-hidden="true">
        {statusSymbols[status]}
      </span>{' '}
      {statusLabels[status]}
    </span>
  ) as Element;
}

export function projectStatusLabel(project: Pick<Project, 'status'>): string {
  return project.status === 'pagaende' ? 'Pågående' : 'Avslutat';
}

/**
 * Links to areas. On the page the search index files under them (`indexed`), each link is also
 * the page's area filter.
 */
export function AreaLinks(areas: readonly Area[], indexed = false): Element | null {
  if (areas.length === 0) return null;
  return (
    <span class="meta__areas">
      {areas.flatMap((area, index) => [
        index > 0 ? ', ' : null,
        <a href={urls.area(area)} data-pagefind-filter={indexed ? 'area' : undefined}>
          {area.title}
        </a>,
      ])}
    </span>
  ) as Element;
}

/**
 * The preview's mark on a draft or a news item dated in the future; such items never reach a
 * build, so readers of the published site never see it.
 */
export function UnpublishedNotice(item: Pick<NewsItem, 'unpublished' | 'date'>): Element | null {
  if (!item.unpublished) return null;
  return (
    <p class="unpublished">
      <strong>{item.unpublished === 'utkast' ? 'Utkast' : 'Planerad'}</strong>
      {item.unpublished === 'utkast'
        ? ' – visas bara i förhandsvisningen och publiceras inte förrän draft tas bort.'
        : [' – publiceras ', DateText(item.date), '.']}
    </p>
  ) as Element;
}

/** "(utkast)" after a title in lists, in the preview only. */
const unpublishedSuffix = (item: Pick<NewsItem, 'unpublished'>) => (item.unpublished ? ` (${item.unpublished})` : '');

/** A list of news items: title, date, areas and lead. */
export function NewsList(items: readonly NewsItem[], headingLevel: 2 | 3): Element {
  const Heading = `h${headingLevel}`;
  return (
    <ul class="cards">
      {items.map((item) => (
        <li class="card">
          <article>
            {{
              type: 'element',
              tagName: Heading,
              properties: { className: ['card__title'] },
              children: [<a href={urls.newsItem(item)}>{item.title + unpublishedSuffix(item)}</a>],
            } as Element}
            <p class="meta">
              {DateText(item.date)}
              {item.areas.length > 0 ? [' · ', AreaLinks(item.areas)] : null}
            </p>
            <p>{item.lead}</p>
            {item.image ? Picture(item.image, { sizes: imageSizes.card, lazy: true, className: 'card__image' }) : null}
          </article>
        </li>
      ))}
    </ul>
  ) as Element;
}

/** A list of projects with status and area. */
export function ProjectList(projects: readonly Project[], headingLevel: 2 | 3): Element {
  return (
    <ul class="cards">
      {projects.map((project) => (
        <li class="card">
          {{
            type: 'element',
            tagName: `h${headingLevel}`,
            properties: { className: ['card__title'] },
            children: [<a href={urls.project(project)}>{project.title}</a>],
          } as Element}
          <p class="meta">
            <span class={`project-status project-status--${project.status}`}>{projectStatusLabel(project)}</span>
            {' · '}
            <a href={urls.area(project.area)}>{project.area.title}</a>
          </p>
          <p>{project.summary}</p>
        </li>
      ))}
    </ul>
  ) as Element;
}

/** A list of goals: number, statement, status. */
export function GoalList(goals: readonly Goal[], options: { showYear?: boolean; showArea?: boolean } = {}): Element {
  return (
    <ul class="goal-list">
      {goals.map((goal) => (
        <li>
          <a href={urls.goal(goal)}>
            {options.showYear ? `Mål ${goal.number} (${goal.report.year})` : `Mål ${goal.number}`}
          </a>
          {': '}
          {goal.statement} {goal.report.plan ? <span class="meta">(planerat)</span> : StatusBadge(goal)}
          {options.showArea ? [' ', <span class="meta">{goal.area.title}</span>] : null}
        </li>
      ))}
    </ul>
  ) as Element;
}
