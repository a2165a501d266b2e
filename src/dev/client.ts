import type { Element } from 'hast';

/** Where the preview's pages listen for changes (Server-Sent Events). */
export const eventsPath = '/__verksam/events';

/*
 * The only JavaScript of the preview, injected into every page it serves (never into a build):
 * reload when this page changed or the problem list did, swap the stylesheet in place when only
 * it changed, and let the editor hide the problem list.
 */
const source = `(() => {
  const here = location.pathname;
  const events = new EventSource(${JSON.stringify(eventsPath)});
  events.addEventListener('reload', (event) => {
    const paths = JSON.parse(event.data);
    if (paths === null || paths.includes(here)) location.reload();
  });
  events.addEventListener('css', () => {
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href);
      url.searchParams.set('v', Date.now());
      link.href = url.href;
    }
  });
  document.addEventListener('click', (event) => {
    if (event.target && event.target.id === 'verksam-problem-close') document.getElementById('verksam-problem').hidden = true;
  });
})();`;

export function liveReloadScript(): Element {
  return { type: 'element', tagName: 'script', properties: {}, children: [{ type: 'text', value: source }] };
}
