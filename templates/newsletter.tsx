import type { Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import { placeBody } from '../src/render/prose.js';
import type { Route } from '../src/routes/routes.js';
import { emailUrl } from '../src/email/files.js';
import { urls } from '../src/routes/urls.js';
import { Layout } from './layout.js';
import { formatDate } from '../src/format/dates.js';
import { DateText, UnpublishedNotice } from './parts/common.js';

/** The web version of a newsletter issue: editorial, articles in full, and its extra blocks. */
export function NewsletterPage({ newsletter }: Extract<Route, { kind: 'newsletter' }>, ctx: PageContext): Root {
  const name = ctx.site.newsletter?.name ?? 'Nyhetsbrev';
  return Layout({
    ctx,
    title: `${newsletter.title} – ${name} nr ${newsletter.number}`,
    crumb: newsletter.title,
    heading: <h1>{newsletter.title}</h1>,
    description: newsletter.preheader ?? `${name} nr ${newsletter.number}.`,
    breadcrumbs: [{ title: 'Nyhetsbrev', url: urls.newsletters() }],
    index: { kind: 'Nyhetsbrev', date: formatDate(newsletter.date) },
    children: [
      UnpublishedNotice(newsletter),
      <p class="meta" data-pagefind-ignore="">
        {`${name} nr ${newsletter.number} · `}
        {DateText(newsletter.date)}
        {' · '}
        <a href={emailUrl(newsletter)}>Numret som e-postmeddelande</a>
      </p>,
      <div class="editorial">{placeBody(newsletter.body, { topLevel: 2 })}</div>,
      ...newsletter.articles.map((article, index) => (
        <article class="newsletter-article" aria-labelledby={`artikel-${index + 1}`}>
          <h2 id={`artikel-${index + 1}`}>
            <a href={urls.newsItem(article)}>{article.title}</a>
          </h2>
          <p class="lead">{article.lead}</p>
          {placeBody(article.body, { topLevel: 3, idPrefix: `artikel-${index + 1}-`, context: article.title })}
        </article>
      )),
      ...newsletter.blocks.map((block, index) => (
        <section class="newsletter-block" aria-labelledby={`block-${index + 1}`}>
          <h2 id={`block-${index + 1}`}>{block.title}</h2>
          {placeBody(block.body, { topLevel: 3, idPrefix: `block-${index + 1}-`, context: block.title })}
        </section>
      )),
    ],
  });
}
