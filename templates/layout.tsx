import type { Element, Nodes, Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import { urls } from '../src/routes/urls.js';

/** What a template may put where children go: a node, text, or a flat list of them. */
export type Flat = Nodes | string | number | null | undefined;
export type Content = Flat | Flat[];

export interface Crumb {
  title: string;
  url: string;
}

export interface LayoutProps {
  ctx: PageContext;
  /** The page's own title; the document title becomes "<title> – <site>". */
  title: string;
  /** Meta description: one or two sentences about this page. */
  description: string;
  /** Trail from the start page to this page's parent; the page itself is added last. */
  breadcrumbs?: readonly Crumb[];
  /** When the page's h1 differs from its title. */
  heading?: Content;
  children?: Content;
}

/** The id of <main>, the skip link's target. Chosen so no Swedish heading slug can clash. */
export const mainId = 'sidans-innehall';

/** Every page is one hast tree: head, skip link, header with navigation, breadcrumbs, main, footer. */
export function Layout({ ctx, title, description, breadcrumbs, heading, children }: LayoutProps): Root {
  const { site, path } = ctx;
  const isHome = path === urls.home();
  const documentTitle = isHome ? site.title : `${title} – ${site.title}`;
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      (<html lang="sv">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{documentTitle}</title>
          <meta name="description" content={description} />
          <link rel="canonical" href={new URL(path.replace(/^\//, ''), site.baseUrl).href} />
          <link rel="stylesheet" href={urls.stylesheet()} />
        </head>
        <body>
          <a class="skip-link" href={`#${mainId}`}>
            Hoppa till innehållet
          </a>
          <header class="site-header">
            <div class="wrap site-header__inner">
              <a class="site-name" href={urls.home()} aria-current={isHome ? 'page' : undefined}>
                {site.title}
              </a>
              <nav class="site-nav" aria-label="Huvudmeny">
                <ul>
                  {site.navigation.map((item) => (
                    <li>
                      <a href={item.url} aria-current={navCurrent(path, item.url)}>
                        {item.title}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            </div>
          </header>
          {breadcrumbs && !isHome ? Breadcrumbs([...breadcrumbs, { title, url: path }]) : null}
          <main id={mainId} class="wrap" tabindex="-1">
            {heading ?? <h1>{title}</h1>}
            {children}
          </main>
          <footer class="site-footer">
            <div class="wrap">
              <h2 class="site-footer__title">{site.organisation}</h2>
              <ul class="contact-list">
                {site.contact.address ? <li>{site.contact.address.join(', ')}</li> : null}
                {site.contact.phone ? (
                  <li>
                    Telefon: <a href={`tel:${site.contact.phone.replace(/[^\d+]/g, '')}`}>{unbreakable(site.contact.phone)}</a>
                  </li>
                ) : null}
                {site.contact.email ? (
                  <li>
                    E-post: <a href={`mailto:${site.contact.email}`}>{site.contact.email}</a>
                  </li>
                ) : null}
                {site.contact.website ? (
                  <li>
                    Webbplats: <a href={site.contact.website}>{site.contact.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}</a>
                  </li>
                ) : null}
              </ul>
            </div>
          </footer>
        </body>
      </html>) as Element,
    ],
  };
}

/** A phone number never wraps: non-breaking hyphens and spaces. */
function unbreakable(phone: string): string {
  return phone.replace(/-/g, '\u2011').replace(/ /g, '\u00a0');
}

/** A section of the navigation is current on its own page and on every page below it. */
function navCurrent(path: string, url: string): 'page' | 'true' | undefined {
  if (path === url) return 'page';
  return url !== '/' && path.startsWith(url) ? 'true' : undefined;
}

function Breadcrumbs(trail: readonly Crumb[]): Element {
  const crumbs: Crumb[] = [{ title: 'Start', url: urls.home() }, ...trail];
  return (
    <nav class="breadcrumbs wrap" aria-label="Du är här">
      <ol>
        {crumbs.map((crumb, index) =>
          index === crumbs.length - 1 ? (
            <li>
              <a href={crumb.url} aria-current="page">
                {crumb.title}
              </a>
            </li>
          ) : (
            <li>
              <a href={crumb.url}>{crumb.title}</a>
            </li>
          ),
        )}
      </ol>
    </nav>
  ) as Element;
}

