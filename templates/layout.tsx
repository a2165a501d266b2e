import type { Element, Nodes, Properties, Root } from 'hast';
import type { Image } from '../src/content/graph.js';
import { imagePlan } from '../src/images/variants.js';
import type { PageContext } from '../src/render/context.js';
import { absoluteUrl, urls } from '../src/routes/urls.js';
import type { FeedLink } from './parts/feeds.js';
import { JsonLd, type JsonLdData } from './parts/json-ld.js';

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
  /** The page's own crumb, when the title carries context the trail already shows. */
  crumb?: string;
  children?: Content;
  /** An article (a news item): Open Graph type "article" with its date. */
  article?: { published: string };
  /** The page's image, for Open Graph and Twitter cards. */
  image?: Image;
  /** Structured data (schema.org) about the page, as JSON-LD. */
  jsonLd?: JsonLdData;
  /** Feeds of this page's news, for feed readers' autodiscovery. */
  feeds?: readonly FeedLink[];
  /**
   * Puts the page in the search index (Pagefind): its kind, shown and filtered on, and its
   * date or period as readers read it. Pages without it are not searched.
   */
  index?: SearchIndexing;
}

/** The kinds of page search finds, as the results name them. */
export type SearchKind = 'Mål' | 'Projekt' | 'Nyhet' | 'Nyhetsbrev' | 'Sida';
export const searchKinds: readonly SearchKind[] = ['Mål', 'Projekt', 'Nyhet', 'Nyhetsbrev', 'Sida'];

export interface SearchIndexing {
  kind: SearchKind;
  date?: string;
}

/** Pagefind's attributes on <main>: index this part of the page, with its kind and date. */
function indexAttributes(index: SearchIndexing | undefined): Properties {
  if (!index) return {};
  // Pagefind reads "key:value" attributes up to a comma.
  const properties: Properties = { dataPagefindBody: '', dataPagefindFilter: `kind:${index.kind}` };
  if (index.date) properties.dataPagefindMeta = `datum:${index.date.replace(/,/g, ' ')}`;
  return properties;
}

/** Open Graph and Twitter card tags: what a shared link shows. */
function SocialMeta(props: LayoutProps, documentTitle: string, canonical: string): Element[] {
  const { ctx, title, description, article, image, index } = props;
  const { site } = ctx;
  const picture = image ? imagePlan(image.file).fallback : undefined;
  const absolute = (url: string) => absoluteUrl(site.baseUrl, url);
  const meta = (property: string, content: string | undefined, extra: Properties = {}) =>
    content === undefined ? [] : [{ type: 'element', tagName: 'meta', properties: { property, content, ...extra }, children: [] } as Element];
  const named = (name: string, content: string | undefined) =>
    content === undefined ? [] : [{ type: 'element', tagName: 'meta', properties: { name, content }, children: [] } as Element];
  return [
    ...meta('og:type', article ? 'article' : 'website'),
    // the search index takes a page's title from here, so a hit reads like the page's own title
    ...meta('og:title', ctx.path === urls.home() ? documentTitle : title, index ? { dataPagefindMeta: 'title[content]' } : {}),
    ...meta('og:description', description),
    ...meta('og:url', canonical),
    ...meta('og:site_name', site.title),
    ...meta('og:locale', 'sv_SE'),
    ...meta('og:image', picture ? absolute(picture.url) : undefined),
    ...meta('og:image:width', picture ? String(picture.width) : undefined),
    ...meta('og:image:height', picture ? String(picture.height) : undefined),
    ...meta('og:image:alt', image && !image.decorative ? image.alt : undefined),
    ...meta('article:published_time', article?.published),
    ...named('twitter:card', picture ? 'summary_large_image' : 'summary'),
  ];
}

/** The id of <main>, the skip link's target. Chosen so no Swedish heading slug can clash. */
export const mainId = 'sidans-innehall';

/** Every page is one hast tree: head, skip link, header with navigation, breadcrumbs, main, footer. */
export function Layout(props: LayoutProps): Root {
  const { ctx, title, breadcrumbs, heading, children, description, crumb } = props;
  const { site, path } = ctx;
  const isHome = path === urls.home();
  const documentTitle = isHome ? site.title : `${title} – ${site.title}`;
  const canonical = absoluteUrl(site.baseUrl, path);
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
          <link rel="canonical" href={canonical} />
          {SocialMeta(props, documentTitle, canonical)}
          <link rel="icon" href={urls.favicon()} type="image/svg+xml" />
          <link rel="stylesheet" href={urls.stylesheet()} />
          {/* the print stylesheet writes this address before the path of each link it shows */}
          <style>{`:root{--site-address:${JSON.stringify(siteAddress(site.baseUrl))}}`}</style>
          {(props.feeds ?? []).map((feed) => (
            <link rel="alternate" type={feed.type} title={feed.title} href={feed.url} />
          ))}
          {props.jsonLd ? JsonLd(props.jsonLd) : null}
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
              {path === urls.search() ? null : SiteSearch()}
            </div>
          </header>
          {breadcrumbs && !isHome ? Breadcrumbs([...breadcrumbs, { title: crumb ?? title, url: path }]) : null}
          <main id={mainId} class="wrap" tabindex="-1" {...indexAttributes(props.index)}>
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
              <ul class="footer-links">
                {ctx.accessibilityStatement ? (
                  <li>
                    <a href={urls.accessibility()}>Tillgänglighetsredogörelse</a>
                  </li>
                ) : null}
                <li>
                  <a href={urls.search()}>Sök på webbplatsen</a>
                </li>
                <li>
                  <a href={urls.newsFeed('rss')}>Nyheter som RSS-flöde</a>
                </li>
              </ul>
            </div>
          </footer>
        </body>
      </html>) as Element,
    ],
  };
}

/** The site's address as printed before a link's path: "www.kfkl.se" or "org.github.io". */
function siteAddress(baseUrl: string): string {
  return new URL(baseUrl).host;
}

/**
 * The header's search field: a plain form that opens the search page with the words. Its label
 * is shown, not only read out: a field with only a magnifying glass or a placeholder leaves
 * readers guessing, and the placeholder is gone once they type.
 */
function SiteSearch(): Element {
  return (
    <form class="site-search" role="search" action={urls.search()} method="get">
      <label for="sidsok">Sök på webbplatsen</label>
      <span class="site-search__row">
        <input type="search" id="sidsok" name="q" autocomplete="off" />
        <button type="submit">Sök</button>
      </span>
    </form>
  ) as Element;
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

