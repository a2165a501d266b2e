import type { Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import type { Route } from '../src/routes/routes.js';
import { urls } from '../src/routes/urls.js';
import { slugify } from '../src/format/slug.js';
import { Layout, searchKinds, type SearchKind } from './layout.js';

/** The kinds as the filter names them (plural). */
const kindLabels: Record<SearchKind, string> = { Mål: 'Mål', Projekt: 'Projekt', Nyhet: 'Nyheter', Nyhetsbrev: 'Nyhetsbrev', Sida: 'Sidor' };

/**
 * The search page. The form and its filters are plain HTML (the header's search field and a
 * link with ?q=… open the page with the words filled in); templates/search.js runs the search
 * against the Pagefind index that `verksam build` writes to /pagefind/. Without JavaScript the
 * page says so, and where the index is missing (the preview) it says how it is made.
 *
 * Nothing above the results changes size while the script starts and a search runs (a page
 * that jumps is hard to read, and Lighthouse counts it): the filters are there from the start,
 * the status line keeps its line when empty, and the results' area reaches below the screen,
 * so the hits fill space that was already there and the footer never moves into view.
 */
export function SearchPage({ areas }: Extract<Route, { kind: 'search' }>, ctx: PageContext): Root {
  const { site } = ctx;
  return Layout({
    ctx,
    title: 'Sök',
    heading: <h1>Sök på webbplatsen</h1>,
    description: `Sök bland ${site.organisation}s mål, projekt, nyheter och nyhetsbrev.`,
    breadcrumbs: [],
    children: [
      <form class="search-form" role="search" action={urls.search()} method="get">
        <p class="search-form__field">
          <label for="sokord">Sökord</label>
          <span class="search-form__row">
            <input type="search" id="sokord" name="q" autocomplete="off" />
            <button type="submit">Sök</button>
          </span>
        </p>
        <div class="search-filters" data-search-filters="">
          <fieldset>
            <legend>Visa bara</legend>
            <ul>
              {searchKinds.map((kind) => (
                <li>
                  <input type="checkbox" id={`typ-${slugify(kind)}`} name="typ" value={kind} />
                  <label for={`typ-${slugify(kind)}`}>{kindLabels[kind]}</label>
                </li>
              ))}
            </ul>
          </fieldset>
          {areas.length > 0 ? (
            <fieldset>
              <legend>{site.report.groupName}</legend>
              <ul>
                {areas.map((area) => (
                  <li>
                    <input type="checkbox" id={`omrade-${area.slug}`} name="omrade" value={area.title} />
                    <label for={`omrade-${area.slug}`}>{area.title}</label>
                  </li>
                ))}
              </ul>
            </fieldset>
          ) : null}
        </div>
      </form>,
      // in <noscript>, not hidden by the script once it runs: the page would jump as it went
      <noscript>
        <p class="search-notice" data-search-needs-script="">
          Sökningen behöver JavaScript, och det är avstängt i din webbläsare. Allt innehåll nås också från menyn:{' '}
          <a href={urls.news()}>nyheter</a>, <a href={urls.reports(site)}>{site.report.plural.toLowerCase()}</a>, <a href={urls.projects()}>projekt</a>,{' '}
          <a href={urls.areas()}>{site.report.groupPlural.toLowerCase()}</a> och <a href={urls.newsletters()}>nyhetsbrev</a>.
        </p>
      </noscript>,
      <p class="search-notice" data-search-no-index="" hidden>
        Sökindexet finns inte här. Det byggs av <code>npm run build</code> (verksam build); förhandsvisningen med verksam dev
        och verksam build --no-search bygger det inte. Sök på den byggda webbplatsen.
      </p>,
      <p class="search-status" id="sok-status" role="status"></p>,
      <ol class="search-results" id="sok-traffar"></ol>,
      <p class="search-more">
        <button type="button" id="sok-fler" hidden>
          Visa fler träffar
        </button>
      </p>,
      <script type="module" src={urls.searchScript()}></script>,
    ],
  });
}
