import type { Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import { describeReport } from '../src/render/goal-summary.js';
import type { Route } from '../src/routes/routes.js';
import { urls } from '../src/routes/urls.js';
import { Layout } from './layout.js';
import { DateText } from './parts/common.js';

/** Every annual report, newest first. */
export function ReportsPage({ reports }: Extract<Route, { kind: 'reports' }>, ctx: PageContext): Root {
  return Layout({
    ctx,
    title: ctx.site.report.plural,
    description: `${ctx.site.report.plural} från ${ctx.site.organisation}, med mål, indikatorer och uppföljning.`,
    breadcrumbs: [],
    children: (
      <ul class="cards">
        {reports.map(({ report, statuses }) => (
          <li class="card">
            <h2 class="card__title">
              <a href={urls.report(report)}>{report.title}</a>
            </h2>
            <p class="meta">Publicerad {DateText(report.published)}</p>
            <p>{describeReport(report, statuses)}</p>
          </li>
        ))}
      </ul>
    ),
  });
}
