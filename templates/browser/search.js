// verksam: the search page's script, published as /sok.js. It runs the reader's words against
// the Pagefind index that `verksam build` writes to /pagefind/ and lists the hits with their
// kind, area and date. Plain JavaScript for the browser: no build step, no dependencies.

const root = new URL('./', import.meta.url);
const pageSize = 20;

const form = document.querySelector('form.search-form');
const input = document.getElementById('sokord');
const filters = document.querySelector('[data-search-filters]');
const status = document.getElementById('sok-status');
const list = document.getElementById('sok-traffar');
const more = document.getElementById('sok-fler');

/** The checked values of the checkboxes named `name`. */
const checked = (name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((box) => box.value);

/** Pagefind's excerpt is HTML with <mark> around the words found: keep only text and marks. */
function excerpt(html) {
  const paragraph = document.createElement('p');
  paragraph.className = 'search-hit__excerpt';
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  for (const node of parsed.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      paragraph.append(mark);
    } else {
      paragraph.append(node.textContent ?? '');
    }
  }
  return paragraph;
}

function hit(data) {
  const item = document.createElement('li');
  item.className = 'search-hit';
  const heading = document.createElement('h2');
  heading.className = 'search-hit__title';
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'meta search-hit__meta';
  meta.textContent = [...(data.filters.kind ?? []), (data.filters.area ?? []).join(', '), data.meta.datum ?? '']
    .filter(Boolean)
    .join(' · ');
  item.append(heading, meta, excerpt(data.excerpt));
  return item;
}

const plural = (count, one, many) => `${count.toLocaleString('sv-SE')} ${count === 1 ? one : many}`;

async function start() {
  let pagefind;
  try {
    pagefind = await import(new URL('pagefind/pagefind.js', root).href);
    await pagefind.options({ baseUrl: root.pathname, excerptLength: 24 });
  } catch {
    filters.hidden = true;
    document.querySelector('[data-search-no-index]').hidden = false;
    return;
  }

  /*
   * One search at a time owns the list: each run makes a new search, and whatever an older one
   * was still loading (its hits' texts come one by one from the index) is dropped when it
   * arrives, so a filter changed mid-load never leaves the old hits in the list.
   */
  let current = null;

  /**
   * Adds the next page of `search`'s hits, in order, unless a newer search has taken the list.
   * `before` runs in the same task as the hits are added (the status line's count), so the
   * page is never drawn with the one changed and not the other.
   */
  function showMore(search, before) {
    const next = search.results.slice(search.shown, search.shown + pageSize);
    search.shown += next.length;
    const loading = Promise.all(next.map((result) => result.data()));
    search.appended = search.appended.then(async () => {
      const data = await loading;
      if (search !== current) return [];
      const items = data.map(hit);
      before?.();
      list.append(...items);
      more.hidden = search.shown >= search.results.length;
      return items;
    });
    return search.appended;
  }

  async function run() {
    const query = input.value.trim();
    const kinds = checked('typ');
    const areas = checked('omrade');
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    for (const kind of kinds) params.append('typ', kind);
    for (const area of areas) params.append('omrade', area);
    const search = params.toString();
    history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);

    const mine = { results: [], shown: 0, appended: Promise.resolve([]) };
    current = mine;
    list.replaceChildren();
    more.hidden = true;
    if (!query) {
      status.textContent = '';
      return;
    }
    status.textContent = 'Söker …';
    const wanted = {};
    if (kinds.length > 0) wanted.kind = { any: kinds };
    if (areas.length > 0) wanted.area = { any: areas };
    const limited = kinds.length > 0 || areas.length > 0 ? ' med de valda filtren' : '';
    try {
      const found = await pagefind.search(query, { filters: wanted });
      if (mine !== current) return;
      mine.results = found.results;
      await showMore(mine, () => {
        status.textContent =
          mine.results.length === 0
            ? `Inga träffar för ”${query}”${limited}. Pröva andra ord eller färre filter.`
            : `${plural(mine.results.length, 'träff', 'träffar')} för ”${query}”${limited}.`;
      });
    } catch {
      if (mine === current) status.textContent = 'Sökningen misslyckades. Ladda om sidan och sök igen.';
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  filters.addEventListener('change', () => {
    if (input.value.trim()) void run();
  });
  more.addEventListener('click', async () => {
    if (!current) return;
    const items = await showMore(current);
    // keep the keyboard where the new hits start
    items[0]?.querySelector('a')?.focus();
  });

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const box of form.querySelectorAll('input[type="checkbox"]')) {
    box.checked = params.getAll(box.name).includes(box.value);
  }
  if (input.value.trim()) await run();
}

await start();
