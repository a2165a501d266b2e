import type { Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import type { Route } from '../src/routes/routes.js';
import { urls } from '../src/routes/urls.js';
import { Layout } from './layout.js';

/** Served for addresses that do not exist; links lead back into the site. */
export function NotFoundPage(_route: Extract<Route, { kind: 'not-found' }>, ctx: PageContext): Root {
  return Layout({
    ctx,
    title: 'Sidan finns inte',
    description: 'Sidan du sökte finns inte på webbplatsen.',
    children: [
      <p>Sidan du sökte finns inte. Den kan ha flyttats eller tagits bort.</p>,
      <ul>
        <li>
          <a href={urls.home()}>Till startsidan</a>
        </li>
        <li>
          <a href={urls.news()}>Alla nyheter</a>
        </li>
        <li>
          <a href={urls.reports(ctx.site)}>{ctx.site.report.plural}</a>
        </li>
      </ul>,
    ],
  });
}
