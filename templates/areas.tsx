import type { Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import type { Route } from '../src/routes/routes.js';
import { urls } from '../src/routes/urls.js';
import { Layout } from './layout.js';

/** All areas of operations with a count of what each holds. */
export function AreasPage({ areas }: Extract<Route, { kind: 'areas' }>, ctx: PageContext): Root {
  return Layout({
    ctx,
    title: ctx.site.report.groupPlural,
    description: `${ctx.site.organisation}: ${areas.length} ${ctx.site.report.groupPlural.toLowerCase()}.`,
    breadcrumbs: [],
    children: (
      <ul class="cards">
        {areas.map(({ area, goals, projects, news }) => (
          <li class="card">
            <h2 class="card__title">
              <a href={urls.area(area)}>{area.title}</a>
            </h2>
            <p>{area.summary}</p>
            <p class="meta">
              {`${goals} mål · ${projects} projekt · ${news} ${news === 1 ? 'nyhet' : 'nyheter'}`}
            </p>
          </li>
        ))}
      </ul>
    ),
  });
}
