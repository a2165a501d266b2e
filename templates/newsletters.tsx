import type { Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import type { Route } from '../src/routes/routes.js';
import { urls } from '../src/routes/urls.js';
import { Layout } from './layout.js';
import { DateText } from './parts/common.js';
import { FeedLinks, newsletterFeeds } from './parts/feeds.js';

/** Every newsletter issue, newest first. */
export function NewslettersPage({ newsletters }: Extract<Route, { kind: 'newsletters' }>, ctx: PageContext): Root {
  const name = ctx.site.newsletter?.name ?? 'Nyhetsbrev';
  return Layout({
    ctx,
    title: 'Nyhetsbrev',
    description: `Alla nummer av ${name}.`,
    breadcrumbs: [],
    feeds: newsletterFeeds(ctx.site),
    children: [
      FeedLinks(newsletterFeeds(ctx.site), 'Prenumerera på nya nummer i en flödesläsare'),
      newsletters.length > 0 ? (
        <ul class="cards">
          {newsletters.map((newsletter) => (
            <li class="card">
              <h2 class="card__title">
                <a href={urls.newsletter(newsletter)}>{`Nr ${newsletter.number}: ${newsletter.title}`}</a>
              </h2>
              <p class="meta">{DateText(newsletter.date)}</p>
              {newsletter.preheader ? <p>{newsletter.preheader}</p> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>Inga nyhetsbrev ännu.</p>
      ),
    ],
  });
}
