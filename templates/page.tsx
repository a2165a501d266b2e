import type { Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import { placeBody } from '../src/render/prose.js';
import type { Route } from '../src/routes/routes.js';
import { Layout } from './layout.js';

/** A free page (Om oss, Styrelse, Kontakt): its title, lead and text, nothing the editor did not write. */
export function FreePage({ page }: Extract<Route, { kind: 'page' }>, ctx: PageContext): Root {
  return Layout({
    ctx,
    title: page.title,
    description: page.lead,
    breadcrumbs: [],
    index: { kind: 'Sida' },
    children: [
      <article class="free-page">
        <p class="lead">{page.lead}</p>
        {placeBody(page.body, { topLevel: 2 })}
      </article>,
    ],
  });
}
