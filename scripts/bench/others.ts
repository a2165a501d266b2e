import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

/*
 * The same news items, laid out for Eleventy 3 and Hugo: one page per item at
 * /nyheter/<year>/<slug>/, one page per area listing its news, and a news archive of 20 items a
 * page, all inside a layout with header, navigation and footer. The Markdown files are copied
 * byte for byte; only the scaffolding around them differs.
 */

interface Area {
  slug: string;
  title: string;
}

async function readAreas(contentDir: string): Promise<Area[]> {
  const names = (await readdir(join(contentDir, 'omraden'))).filter((name) => name.endsWith('.md')).sort();
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(join(contentDir, 'omraden', name), 'utf8');
      const data = parse(text.split('---')[1]!) as { title: string };
      return { slug: name.replace(/\.md$/, ''), title: data.title };
    }),
  );
}

const layoutHead = (title: string) => `<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Benchförbundet</title><link rel="stylesheet" href="/stil.css"></head>
<body><a class="skip-link" href="#main">Hoppa till innehållet</a>
<header><a href="/">Benchförbundet</a><nav aria-label="Huvudmeny"><ul><li><a href="/nyheter/">Nyheter</a></li><li><a href="/omraden/">Områden</a></li></ul></nav></header>
<main id="main">`;
const layoutFoot = `</main><footer><p>Benchförbundet · 010-000 00 00 · info@bench.example</p></footer></body></html>`;

/** An Eleventy 3 project (Nunjucks layouts) over a copy of the news items. */
export async function writeEleventySite(contentDir: string, dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'src', '_includes'), { recursive: true });
  await mkdir(join(dir, 'src', '_data'), { recursive: true });
  await cp(join(contentDir, 'nyheter'), join(dir, 'src', 'nyheter'), { recursive: true });
  await writeFile(join(dir, 'src', '_data', 'areas.json'), JSON.stringify(await readAreas(contentDir)));
  await writeFile(
    join(dir, 'eleventy.config.js'),
    `export default function (config) {
  config.addCollection('news', (api) => api.getFilteredByGlob('src/nyheter/*.md').sort((a, b) => b.date - a.date || a.data.title.localeCompare(b.data.title, 'sv')));
  config.addFilter('inArea', (items, slug) => items.filter((item) => (item.data.areas || []).includes(slug)));
  config.addFilter('swedishDate', (date) => new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Stockholm' }).format(date));
  return { dir: { input: 'src', output: '_site' }, markdownTemplateEngine: false, htmlTemplateEngine: 'njk' };
}
`,
  );
  await writeFile(
    join(dir, 'src', 'nyheter', 'nyheter.11tydata.js'),
    `export default { layout: 'news.njk', permalink: (data) => \`/nyheter/\${data.page.date.getUTCFullYear()}/\${data.page.fileSlug}/\` };\n`,
  );
  await writeFile(join(dir, 'src', '_includes', 'base.njk'), `${layoutHead('{{ title }}')}\n{{ content | safe }}\n${layoutFoot}\n`);
  await writeFile(
    join(dir, 'src', '_includes', 'news.njk'),
    `---\nlayout: base.njk\n---\n<article><h1>{{ title }}</h1><p><time datetime="{{ page.date.toISOString().slice(0, 10) }}">{{ page.date | swedishDate }}</time></p><p class="lead">{{ lead }}</p>{{ content | safe }}</article>\n`,
  );
  const list = (items: string) =>
    `<ul>{% for item in ${items} %}<li><h2><a href="{{ item.url }}">{{ item.data.title }}</a></h2><p>{{ item.date | swedishDate }}</p><p>{{ item.data.lead }}</p></li>{% endfor %}</ul>`;
  await writeFile(
    join(dir, 'src', 'archive.njk'),
    `---\nlayout: base.njk\ntitle: Nyheter\npagination:\n  data: collections.news\n  size: 20\n  alias: items\npermalink: "/nyheter/{% if pagination.pageNumber > 0 %}sida/{{ pagination.pageNumber + 1 }}/{% endif %}"\n---\n<h1>Nyheter</h1>${list('items')}\n`,
  );
  await writeFile(
    join(dir, 'src', 'area.njk'),
    `---\nlayout: base.njk\npagination:\n  data: areas\n  size: 1\n  alias: area\npermalink: "/omraden/{{ area.slug }}/"\neleventyComputed:\n  title: "{{ area.title }}"\n---\n<h1>{{ area.title }}</h1>${list('collections.news | inArea(area.slug)')}\n`,
  );
}

/** A Hugo project over a copy of the news items; areas are a taxonomy. */
export async function writeHugoSite(contentDir: string, dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'content'), { recursive: true });
  await cp(join(contentDir, 'nyheter'), join(dir, 'content', 'nyheter'), { recursive: true });
  await mkdir(join(dir, 'layouts', '_default'), { recursive: true });
  await writeFile(
    join(dir, 'hugo.yaml'),
    `baseURL: https://bench.example/\nlanguageCode: sv\ntitle: Benchförbundet\ndisableKinds: [RSS, sitemap, robotsTXT]\npaginate: 20\ntaxonomies:\n  area: areas\npermalinks:\n  nyheter: /nyheter/:year/:filename/\n  areas: /omraden/:slug/\n`,
  );
  const head = layoutHead('{{ .Title }}');
  await writeFile(join(dir, 'layouts', '_default', 'baseof.html'), `${head}\n{{ block "main" . }}{{ end }}\n${layoutFoot}\n`);
  await writeFile(
    join(dir, 'layouts', '_default', 'single.html'),
    `{{ define "main" }}<article><h1>{{ .Title }}</h1><p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p><p class="lead">{{ .Params.lead }}</p>{{ .Content }}</article>{{ end }}\n`,
  );
  await writeFile(
    join(dir, 'layouts', '_default', 'list.html'),
    `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range (.Paginate .Pages.ByDate.Reverse).Pages }}<li><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Date.Format "2 January 2006" }}</p><p>{{ .Params.lead }}</p></li>{{ end }}</ul>{{ end }}\n`,
  );
}
